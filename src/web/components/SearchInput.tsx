import { CloseButton, Kbd, TextInput, type TextInputProps } from '@mantine/core'
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onSearch: (q: string) => void }

/** A debounced search box; "/" anywhere on the page puts the cursor in it. */
export function SearchInput({ value, onSearch, ...props }: Props) {
  const [text, setText] = useState(value)
  const ref = useRef<HTMLInputElement>(null)
  const debounced = useDebouncedCallback(onSearch, 300)
  useEffect(() => setText(value), [value])
  useHotkeys([['/', () => ref.current?.focus()]])

  return (
    <TextInput
      ref={ref}
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value)
        debounced(e.currentTarget.value.trim())
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text.trim())
        if (e.key === 'Escape') {
          setText('')
          onSearch('')
        }
      }}
      leftSection={<IconSearch size={16} />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('')
              onSearch('')
            }}
          />
        ) : (
          <Kbd size="xs">/</Kbd>
        )
      }
      {...props}
    />
  )
}

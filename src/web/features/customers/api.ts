import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateCustomerBody,
  CustomerDetail,
  CustomerSummary,
  EngagementBody,
} from '#shared/contracts/customers'
import { api, type QueryParams } from '../../api/client'
import type { Page } from '../partners/api'

export const customerKeys = {
  list: (params: QueryParams) => ['customers', 'list', params] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
}

export function useCustomers(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: () => api.get<Page<CustomerSummary>>('/customers', params),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => api.get<CustomerDetail>(`/customers/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  })
}

function useStoreCustomer() {
  const client = useQueryClient()
  return (customer: CustomerDetail) => {
    client.setQueryData(customerKeys.detail(customer.id), customer)
    void client.invalidateQueries({ queryKey: ['customers', 'list'] })
    void client.invalidateQueries({ queryKey: ['partners'] })
    // An edit recomputes the scores of the customer and its partners.
    void client.invalidateQueries({ queryKey: ['health'] })
    void client.invalidateQueries({ queryKey: ['opportunities'] })
  }
}

export function useCreateCustomer() {
  const store = useStoreCustomer()
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => api.post<CustomerDetail>('/customers', body),
    onSuccess: store,
  })
}

export function useUpdateCustomer(id: number) {
  const store = useStoreCustomer()
  return useMutation({
    mutationFn: (body: Partial<CreateCustomerBody>) => api.patch<CustomerDetail>(`/customers/${id}`, body),
    onSuccess: store,
  })
}

export function useArchiveCustomer(id: number) {
  const store = useStoreCustomer()
  return useMutation({
    mutationFn: (archived: boolean) =>
      api.post<CustomerDetail>(`/customers/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: store,
  })
}

export function useAddEngagement(customerId: number) {
  const store = useStoreCustomer()
  return useMutation({
    mutationFn: (body: EngagementBody) =>
      api.post<CustomerDetail>(`/customers/${customerId}/engagements`, body),
    onSuccess: store,
  })
}

export type EngagementPatch = Partial<Pick<EngagementBody, 'intentStatus' | 'phase' | 'claimed'>> & {
  archived?: boolean
}

export function useUpdateEngagement() {
  const store = useStoreCustomer()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: EngagementPatch }) =>
      api.patch<CustomerDetail>(`/engagements/${id}`, body),
    onSuccess: store,
  })
}

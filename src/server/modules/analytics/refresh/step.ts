/** Runs one step of a refresh and adds its time to the result's `steps` (refresh/service.ts). */
export type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>

/** A step that is not timed: the default where a caller keeps no account. */
export const untimed: Step = (_name, work) => work()

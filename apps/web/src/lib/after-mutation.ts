/**
 * Run `then` after a mutation, even when its success unmounts the component that started it (joining
 * replaces the "Join" button; accepting removes the invitation from its list). TanStack Query skips the
 * callbacks given to `mutate` once that component is gone, so they would silently never run.
 * A failure goes to `otherwise`, or stays in the mutation's own error state.
 */
export function afterMutation<T>(
  promise: Promise<T>,
  then: (value: T) => void,
  otherwise?: (error: unknown) => void,
): void {
  promise.then(then, (error: unknown) => otherwise?.(error));
}

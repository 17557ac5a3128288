import type { Result } from "effect"

/**
 * The decider pattern: all business rules of one aggregate, pure and without I/O.
 * `decide` turns a command into new events or a typed rejection; `evolve` folds an event into state.
 * Given/when/then tests exercise exactly these two functions.
 */
export interface Decider<Command, State, Event, Rejection> {
  readonly initialState: State
  readonly decide: (command: Command, state: State) => Result.Result<ReadonlyArray<Event>, Rejection>
  readonly evolve: (state: State, event: Event) => State
}

/** Replays events from the decider's initial state. */
export const fold = <S, E>(decider: { initialState: S; evolve: (s: S, e: E) => S }, events: Iterable<E>): S => {
  let state = decider.initialState
  for (const event of events) state = decider.evolve(state, event)
  return state
}

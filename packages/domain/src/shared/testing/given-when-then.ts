import { Result } from "effect"
import { expect } from "vitest"
import { fold, type Decider } from "../decider.ts"

/**
 * Given/when/then for deciders:
 *   given(decider, pastEvents).when(command).then(expectedEvents)
 *   given(decider, pastEvents).when(command).rejectedWith("TagOfRejection")
 */
export const given = <C, S, E, R extends { readonly _tag: string }>(
  decider: Decider<C, S, E, R>,
  events: ReadonlyArray<E> = [],
) => ({
  when: (command: C) => {
    const result = decider.decide(command, fold(decider, events))
    return {
      result,
      // Named for given/when/then readability; this object is never awaited.
      // oxlint-disable-next-line unicorn/no-thenable
      then: (expected: ReadonlyArray<E>) => {
        if (Result.isFailure(result)) throw new Error(`expected events, got rejection ${result.failure._tag}`)
        expect(result.success).toEqual(expected)
      },
      rejectedWith: (tag: R["_tag"]) => {
        if (Result.isSuccess(result)) throw new Error(`expected rejection ${tag}, got ${result.success.length} events`)
        expect(result.failure._tag).toBe(tag)
        return result.failure
      },
    }
  },
})

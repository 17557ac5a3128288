import { randomBytes } from "node:crypto"
import { hash, verify } from "@node-rs/argon2"

/** argon2id with the OWASP baseline (19 MiB, 2 passes): slow for an attacker, ~20 ms for a sign-in. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS)

/**
 * How many argon2 verifications this process has run: against an account's hash, and against the dummy hash
 * (unknown, disabled or locked account). Operational counters; the tests read them to show that every sign-in
 * pays one verification and that a locked account's hash is never tried.
 */
export const passwordVerifications = { account: 0, dummy: 0 }

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  passwordVerifications.account++
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A hash of a random secret nobody knows, made with the same parameters as real ones (so it costs the same). */
let dummyHash: Promise<string> | undefined

/**
 * Spends one argon2 verification, as for a real account, and answers false: an unknown, disabled or locked
 * account answers in the same time as a wrong password (issue 15 item 6, ADR 0009).
 */
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  passwordVerifications.dummy++
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"))
  try {
    await verify(await dummyHash, password)
  } catch {
    // the answer is false whatever happens
  }
  return false
}

/** What a new password must satisfy (Vietnamese message for the officer), or undefined when it is fine. */
export const passwordProblem = (password: string): string | undefined => {
  if (password.length < 10) return "Mật khẩu phải có ít nhất 10 ký tự"
  if (password.length > 200) return "Mật khẩu quá dài (tối đa 200 ký tự)"
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return "Mật khẩu phải có cả chữ và số"
  return undefined
}

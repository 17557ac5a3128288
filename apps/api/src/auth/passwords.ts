import { hash, verify } from "@node-rs/argon2"

/** argon2id with the OWASP baseline (19 MiB, 2 passes): slow for an attacker, ~20 ms for a sign-in. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS)

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** What a new password must satisfy (Vietnamese message for the officer), or undefined when it is fine. */
export const passwordProblem = (password: string): string | undefined => {
  if (password.length < 10) return "Mật khẩu phải có ít nhất 10 ký tự"
  if (password.length > 200) return "Mật khẩu quá dài (tối đa 200 ký tự)"
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return "Mật khẩu phải có cả chữ và số"
  return undefined
}

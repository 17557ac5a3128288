import { Schema } from "effect"
import type { Context } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import { sql } from "kysely"
import { roleLabelVi, ROLES } from "../access/roles.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices, Session } from "../services.ts"
import { clientAddress } from "./client-address.ts"
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "./passwords.ts"
import { rememberedSession } from "./session-cache.ts"
import { createSession, endAllSessions, endSession, findSession, hashOf, SESSION_COOKIE } from "./sessions.ts"
import { releaseAccountAttempt, releaseClientAttempt, reserveAccountAttempt, reserveClientAttempt } from "./throttle.ts"
import { checkManagedAccount, checkNewAccount, USERNAME_PATTERN, USERNAME_RULE } from "./account-rules.ts"
import { actorOf, ensureUser, findUser, findUserById, listUsers, resetPassword, setDisabled } from "./users.ts"

/** The session behind a request's cookie, or undefined. */
export const authenticator =
  (services: Pick<AppServices, "log">) =>
  async (c: Context): Promise<Session | undefined> => {
    const token = getCookie(c, SESSION_COOKIE)
    if (!token || token.length > 100) return undefined
    const db = services.log.database.db
    // From memory for a second, forgotten at once when ended here (session-cache.ts, ADR 0030).
    return rememberedSession(db, hashOf(token), async () => {
      const session = await findSession(db, token)
      if (!session) return undefined
      const user = await findUserById(db, session.userId)
      if (!user || user.disabled) return undefined
      return { actor: actorOf(user), csrfToken: session.csrfToken }
    })
  }

/** An account as the API shows it: the actor it signs in as, with its role's Vietnamese name. */
const AccountFields = {
  userId: Schema.String,
  username: Schema.String,
  displayName: Schema.String,
  role: Schema.Literals(ROLES),
  roleLabel: Schema.String,
  provinceCode: Schema.String,
  unitIds: Schema.Array(Schema.String),
  enterpriseId: Schema.NullOr(Schema.String),
  agency: Schema.NullOr(Schema.String),
}

const Me = Schema.Struct({ ...AccountFields, csrfToken: Schema.String })

const UserItem = Schema.Struct({
  ...AccountFields,
  disabled: Schema.Boolean,
  /** Until when sign-in is refused after repeated failures (ISO time), or null. */
  lockedUntil: Schema.NullOr(Schema.String),
}).annotate({ identifier: "UserItem" })

const me = (session: Session) => ({
  ...session.actor,
  roleLabel: roleLabelVi[session.actor.role],
  csrfToken: session.csrfToken,
})

/** The one answer for a wrong password and for an unknown, disabled or temporarily locked account (ADR 0009). */
const wrongCredentials = () =>
  fail(
    "bad-credentials",
    "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa 15 phút do nhập sai nhiều lần.",
    "Wrong username or password, or the account is locked for 15 minutes after repeated failures.",
  )

const UserParams = Schema.Struct({
  userId: Schema.String.check(Schema.isPattern(/^[A-Za-z0-9-]{1,64}$/, { message: "Mã tài khoản không hợp lệ" })),
})

export const authRoutes = [
  defineRoute({
    method: "post",
    path: "/api/session",
    summary: "Đăng nhập",
    summaryEn: "Sign in",
    tags: ["Đăng nhập"],
    access: "public",
    body: Schema.Struct({
      username: Schema.String.check(Schema.isMaxLength(100)),
      password: Schema.String.check(Schema.isMaxLength(200)),
    }),
    response: Me,
    handler: async ({ body, services, c }) => {
      const db = services.log.database.db
      const client = clientAddress(c, services.config.trustedProxies)
      // Both limits are reserved before any password is verified (see throttle.ts).
      const attempt = await reserveClientAttempt(db, client, body.username)
      if (attempt === undefined)
        throw fail(
          "too-many-requests",
          "Đăng nhập sai quá nhiều lần từ máy này; hãy thử lại sau 15 phút.",
          "Too many failed sign-ins from this client; retry in 15 minutes.",
        )
      const user = await reserveAccountAttempt(db, body.username)
      // Unknown, disabled and locked accounts pay the same argon2 verification and get the same answer as a
      // wrong password: neither the time nor the answer tells whether an account exists (ADR 0009).
      const verified = user
        ? await verifyPassword(user.password_hash, body.password)
        : await verifyAgainstDummy(body.password)
      if (!user || !verified) throw wrongCredentials()
      await releaseAccountAttempt(db, user.user_id)
      await releaseClientAttempt(db, attempt)
      const { token, csrfToken } = await createSession(db, user.user_id)
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        secure: services.config.secureCookies,
        path: "/",
        maxAge: 7 * 86_400,
      })
      return me({ actor: actorOf(user), csrfToken })
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/session",
    summary: "Người dùng đang đăng nhập",
    summaryEn: "Who am I",
    tags: ["Đăng nhập"],
    access: "public",
    response: Me,
    handler: async ({ services, c }) => {
      const session = await services.authenticate(c)
      if (!session) throw fail("unauthenticated", "Chưa đăng nhập.", "Not signed in.")
      return me(session)
    },
  }),
  defineRoute({
    method: "delete",
    path: "/api/session",
    summary: "Đăng xuất",
    summaryEn: "Sign out",
    tags: ["Đăng nhập"],
    access: "signed-in",
    write: true,
    successStatus: 204,
    handler: async ({ services, c }) => {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) await endSession(services.log.database.db, token)
      deleteCookie(c, SESSION_COOKIE, { path: "/" })
      return null
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/session/password",
    summary: "Đổi mật khẩu",
    summaryEn: "Change password",
    tags: ["Đăng nhập"],
    access: "signed-in",
    write: true,
    successStatus: 204,
    body: Schema.Struct({
      currentPassword: Schema.String.check(Schema.isMaxLength(200)),
      newPassword: Schema.String.check(Schema.isMaxLength(200)),
    }),
    handler: async ({ body, actor, services }) => {
      const db = services.log.database.db
      const user = await findUserById(db, actor.userId)
      if (!user || !(await verifyPassword(user.password_hash, body.currentPassword)))
        throw fail("validation", "Mật khẩu hiện tại không đúng.", "The current password is wrong.", {
          fields: [{ path: "body.currentPassword", message: "Mật khẩu hiện tại không đúng" }],
        })
      const problem = passwordProblem(body.newPassword)
      if (problem)
        throw fail("validation", problem, "The new password is too weak.", {
          fields: [{ path: "body.newPassword", message: problem }],
        })
      await sql`UPDATE api_users SET password_hash = ${await hashPassword(body.newPassword)}, updated_at = now() WHERE user_id = ${actor.userId}`.execute(
        db,
      )
      await endAllSessions(db, actor.userId) // every other device signs in again
      return null
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/users",
    summary: "Danh sách người dùng",
    summaryEn: "Users",
    tags: ["Quản trị"],
    access: ["administrator"],
    response: Schema.Struct({ items: Schema.Array(UserItem) }),
    handler: async ({ services }) => ({
      items: (await listUsers(services.log.database.db)).map((u) => {
        const { password_hash: _, ...rest } = u
        return {
          ...actorOf(u),
          roleLabel: roleLabelVi[u.role],
          disabled: rest.disabled,
          lockedUntil: rest.locked_until,
        }
      }),
    }),
  }),
  defineRoute({
    method: "post",
    path: "/api/users",
    summary: "Tạo người dùng",
    summaryEn: "Create a user",
    tags: ["Quản trị"],
    access: ["administrator"],
    write: true,
    successStatus: 201,
    body: Schema.Struct({
      username: Schema.String.check(Schema.isPattern(USERNAME_PATTERN, { message: USERNAME_RULE })),
      displayName: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
      role: Schema.Literals(ROLES),
      provinceCode: Schema.String.check(Schema.isPattern(/^\d{2}$/)),
      unitIds: Schema.optional(Schema.Array(Schema.String)),
      enterpriseId: Schema.optional(Schema.String),
      agency: Schema.optional(Schema.String),
      password: Schema.String.check(Schema.isMaxLength(200)),
    }),
    response: Schema.Struct({ userId: Schema.String }),
    handler: async ({ body, actor, services }) => {
      await checkNewAccount(services, actor, body)
      const problem = passwordProblem(body.password)
      if (problem)
        throw fail("validation", problem, "The password is too weak.", {
          fields: [{ path: "body.password", message: problem }],
        })
      const db = services.log.database.db
      if (await findUser(db, body.username))
        throw fail("validation", "Tên đăng nhập đã tồn tại.", "Username taken.", {
          fields: [{ path: "body.username", message: "Tên đăng nhập đã tồn tại" }],
        })
      const userId = await ensureUser(db, body)
      return { userId }
    },
  }),
  ...(["disable", "enable"] as const).map((action) =>
    defineRoute({
      method: "post",
      path: `/api/users/:userId/${action}`,
      summary: action === "disable" ? "Khóa tài khoản" : "Mở lại tài khoản",
      summaryEn: action === "disable" ? "Disable an account (its sessions end)" : "Re-enable an account",
      tags: ["Quản trị"],
      access: ["administrator"],
      write: true,
      successStatus: 204,
      params: UserParams,
      handler: async ({ params, actor, services }) => {
        const db = services.log.database.db
        const target = checkManagedAccount(actor, await findUserById(db, params.userId))
        await setDisabled(db, target.user_id, action === "disable")
        return null
      },
    }),
  ),
  defineRoute({
    method: "post",
    path: "/api/users/:userId/password",
    summary: "Đặt lại mật khẩu (mọi phiên của tài khoản kết thúc)",
    summaryEn: "Reset a password (every session of the account ends)",
    tags: ["Quản trị"],
    access: ["administrator"],
    write: true,
    successStatus: 204,
    params: UserParams,
    body: Schema.Struct({ newPassword: Schema.String.check(Schema.isMaxLength(200)) }),
    handler: async ({ params, body, actor, services }) => {
      const db = services.log.database.db
      const target = checkManagedAccount(actor, await findUserById(db, params.userId))
      const problem = passwordProblem(body.newPassword)
      if (problem)
        throw fail("validation", problem, "The new password is too weak.", {
          fields: [{ path: "body.newPassword", message: problem }],
        })
      await resetPassword(db, target.user_id, body.newPassword)
      return null
    },
  }),
]

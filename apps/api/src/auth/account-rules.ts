import { AdminUnit } from "@xkld/domain"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { today } from "../clock.ts"
import { fail } from "../http/problem.ts"
import type { AppServices } from "../services.ts"
import type { UserRow } from "./users.ts"

/**
 * What an administrator may do to accounts (ADR 0009). An administrator manages the officers of its own
 * province; it cannot make or change an administrator (those are the operator's), and every account's
 * jurisdiction must name something real: a commune officer's units are communes of the province in force
 * today, an enterprise officer's enterprise is one of the registry, a department officer has its
 * agency. An account never carries a jurisdiction its role does not use.
 */

/** A username: 3–50 characters a-z, 0-9, `.`, `_`, `-` (the API's body schema and `xkld users create`). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/
export const USERNAME_RULE = "Tên đăng nhập: 3–50 ký tự a-z, 0-9, . _ -"

export interface AccountRequest {
  readonly role: Role
  readonly provinceCode: string
  readonly unitIds?: ReadonlyArray<string> | undefined
  readonly enterpriseId?: string | undefined
  readonly agency?: string | undefined
}

const refuse = (path: string, message: string, messageEn: string) =>
  fail("rejected", message, messageEn, { fields: [{ path, message, messageEn }] })

export async function checkNewAccount(services: AppServices, admin: Actor, request: AccountRequest): Promise<void> {
  if (request.role === "administrator")
    throw refuse(
      "body.role",
      "Quản trị viên không tạo được tài khoản quản trị; tài khoản quản trị do đơn vị vận hành cấp.",
      "An administrator cannot create administrator accounts; the operator does.",
    )
  if (request.role === "national-officer")
    throw refuse(
      "body.role",
      "Quản trị viên cấp tỉnh không tạo được tài khoản cấp quốc gia; tài khoản này do đơn vị vận hành cấp.",
      "A province administrator cannot create national accounts; the operator does.",
    )
  if (request.provinceCode !== admin.provinceCode)
    throw refuse(
      "body.provinceCode",
      `Chỉ tạo được tài khoản trong tỉnh mình quản trị (mã ${admin.provinceCode}).`,
      `Accounts can only be created in the administrator's own province (${admin.provinceCode}).`,
    )
  await checkAccountJurisdiction(services, request)
}

/**
 * What every account's jurisdiction must satisfy, whoever creates it (an administrator through the API, the
 * operator through `xkld users create`): its role's units, enterprise or agency, and nothing its role does not use.
 */
export async function checkAccountJurisdiction(services: AppServices, request: AccountRequest): Promise<void> {
  const unitIds = request.unitIds ?? []
  if (request.role === "commune-officer") {
    if (unitIds.length === 0)
      throw refuse(
        "body.unitIds",
        "Cán bộ xã, phường phải được gắn với ít nhất một xã, phường.",
        "A commune officer needs at least one commune.",
      )
    const catalogue = await services.models.catalogues.at()
    const communes = new Set(AdminUnit.unitsOf(catalogue, request.provinceCode, today()).map((u) => u.unitId))
    const unknown = unitIds.filter((id) => !communes.has(id))
    if (unknown.length > 0)
      throw refuse(
        "body.unitIds",
        `Không phải xã, phường đang có hiệu lực của tỉnh: ${unknown.join(", ")}.`,
        `Not a commune of the province in force today: ${unknown.join(", ")}.`,
      )
  } else if (unitIds.length > 0)
    throw refuse(
      "body.unitIds",
      "Chỉ cán bộ xã, phường được gắn với xã, phường.",
      "Only commune officers are bound to communes.",
    )
  if (request.role === "enterprise-officer") {
    const enterprise = request.enterpriseId
      ? (await services.models.enterprises({})).find((e) => e.enterpriseId === request.enterpriseId)
      : undefined
    if (!enterprise)
      throw refuse(
        "body.enterpriseId",
        "Cán bộ doanh nghiệp phải được gắn với một doanh nghiệp có trong danh sách.",
        "An enterprise officer needs an enterprise of the registry.",
      )
  } else if (request.enterpriseId !== undefined)
    throw refuse(
      "body.enterpriseId",
      "Chỉ cán bộ doanh nghiệp được gắn với doanh nghiệp.",
      "Only enterprise officers are bound to an enterprise.",
    )
  if (request.role === "department-officer" && !request.agency?.trim())
    throw refuse("body.agency", "Cán bộ sở, ngành phải có mã cơ quan.", "A department officer needs an agency code.")
}

/** The account an administrator may disable, re-enable or reset: one of its province, not an administrator. */
export function checkManagedAccount(admin: Actor, target: UserRow | undefined): UserRow {
  if (!target || target.province_code !== admin.provinceCode)
    throw fail("not-found", "Không tìm thấy tài khoản.", "No such account.")
  if (target.role === "administrator")
    throw fail(
      "rejected",
      "Tài khoản quản trị do đơn vị vận hành quản lý, không thay đổi được qua chức năng này.",
      "Administrator accounts are managed by the operator, not through this route.",
    )
  return target
}

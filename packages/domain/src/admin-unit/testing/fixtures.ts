import type { LegalBasis } from "../../shared/values.ts"
import { AdminUnitEstablished, AdminUnitSucceeded } from "../events.ts"

/** A small hand-made history around Sơn La city for decider and query tests (ids are short on purpose). */
export const communeBasis: LegalBasis = {
  number: "1681/NQ-UBTVQH15",
  date: "2025-06-16",
  issuer: "Ủy ban Thường vụ Quốc hội",
}
export const laterBasis: LegalBasis = { number: "99/NQ-TEST", date: "2026-03-01", issuer: "Ủy ban Thường vụ Quốc hội" }

export const oldProvince = new AdminUnitEstablished({
  unitId: "p-old",
  code: "14",
  name: "Tỉnh Sơn La",
  kind: "province",
  kindLabel: "tỉnh",
  parentId: null,
  validFrom: null,
  legalBasis: null,
  source: "test",
})
export const oldDistrict = new AdminUnitEstablished({
  unitId: "d-old",
  code: "116",
  name: "Thành phố Sơn La",
  kind: "district",
  kindLabel: "thành phố",
  parentId: "p-old",
  validFrom: null,
  legalBasis: null,
  source: "test",
})
export const chiengLe = new AdminUnitEstablished({
  unitId: "c-chieng-le",
  code: "03646",
  name: "Phường Chiềng Lề",
  kind: "ward",
  kindLabel: "phường",
  parentId: "d-old",
  validFrom: null,
  legalBasis: null,
  source: "test",
})
export const oldToHieu = new AdminUnitEstablished({
  unitId: "c-to-hieu",
  code: "03649",
  name: "Phường Tô Hiệu",
  kind: "ward",
  kindLabel: "phường",
  parentId: "d-old",
  validFrom: null,
  legalBasis: null,
  source: "test",
})
export const newProvince = new AdminUnitEstablished({
  unitId: "p-new",
  code: "14",
  name: "Tỉnh Sơn La",
  kind: "province",
  kindLabel: "tỉnh",
  parentId: null,
  validFrom: "2025-07-01",
  legalBasis: { number: "202/2025/QH15", date: "2025-06-12", issuer: "Quốc hội" },
})
export const newToHieu = new AdminUnitEstablished({
  unitId: "w-to-hieu",
  code: "03646",
  name: "Phường Tô Hiệu",
  kind: "ward",
  kindLabel: "phường",
  parentId: "p-new",
  validFrom: "2025-07-01",
  legalBasis: communeBasis,
})
export const newChiengAn = new AdminUnitEstablished({
  unitId: "w-chieng-an",
  code: "03664",
  name: "Phường Chiềng An",
  kind: "ward",
  kindLabel: "phường",
  parentId: "p-new",
  validFrom: "2025-07-01",
  legalBasis: communeBasis,
})

/** Old units before the reorganisation. */
export const before = [oldProvince, oldDistrict, chiengLe, oldToHieu] as const
/** Old and new units, nothing passed on yet. */
export const both = [...before, newProvince, newToHieu, newChiengAn] as const

export const chiengLeToToHieu = new AdminUnitSucceeded({
  unitId: "c-chieng-le",
  effectiveFrom: "2025-07-01",
  legalBasis: communeBasis,
  mode: "full",
  successors: [{ unitId: "w-to-hieu", share: 1 }],
  shareBasis: "stated",
  split: false,
})
export const oldToHieuSplit = new AdminUnitSucceeded({
  unitId: "c-to-hieu",
  effectiveFrom: "2025-07-01",
  legalBasis: communeBasis,
  mode: "full",
  successors: [
    { unitId: "w-to-hieu", share: 0.5 },
    { unitId: "w-chieng-an", share: 0.5 },
  ],
  shareBasis: "assumed-equal",
  split: true,
})

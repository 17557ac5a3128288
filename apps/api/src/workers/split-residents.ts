import { AdminUnit } from "@xkld/domain"
import { Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"
import { todayIso } from "./units.ts"

const Unit = Schema.Struct({ unitId: Schema.String, unitCode: Schema.String, unitName: Schema.String })

const Item = Schema.Struct({
  id: Schema.String,
  registeredOn: Schema.String,
  stage: Schema.String,
  /** The unit the worker is recorded in: a commune split on 1 July 2025 (no longer in force). */
  unit: Unit,
  /** The units it was split among, in force today: the province assigns the worker to one of them. */
  successors: Schema.Array(Schema.Struct({ ...Unit.fields, share: Schema.Number })),
})

const Answer = Schema.Struct({
  provinceCode: Schema.String,
  asOfDate: Schema.String,
  rule: Schema.String,
  ruleEn: Schema.String,
  total: Schema.Number,
  items: Schema.Array(Item),
})

/**
 * The province's work list: workers whose residence is still a commune that was split (not merged whole) on
 * 1 July 2025, with its successors. Their departures are "not attributable" to any of today's units until the
 * province assigns each to one successor (`POST /api/workers/{id}/residence-assignment`, with a reason).
 * Statistical fields only: no name, no citizen ID.
 */
async function splitResidents(services: AppServices, actor: Actor) {
  const today = todayIso()
  const catalogue = await services.models.catalogues.at()
  const label = (unitId: string, on: string) => {
    const attributes = AdminUnit.attributesOn(catalogue, unitId, on)
    const unit = catalogue.units.get(unitId)
    return {
      unitId,
      unitCode: attributes?.code ?? unit?.codes.at(-1)?.value ?? "",
      unitName: attributes?.name ?? unit?.names.at(-1)?.value ?? unitId,
    }
  }
  const rows = await services.models.workers({ provinceCode: actor.provinceCode })
  const items = []
  for (const row of rows) {
    if (AdminUnit.attributesOn(catalogue, row.unitId, today) !== undefined) continue // still in force
    const successors = AdminUnit.successorsToday(catalogue, row.unitId)
    if (successors.length < 2 && !successors.some((s) => s.viaSplit)) continue // merged whole: attributable
    // named as on its last day in force (`validUntil` is the first day it was not)
    const validUntil = catalogue.units.get(row.unitId)?.validUntil
    items.push({
      id: row.workerId,
      registeredOn: row.registeredOn,
      stage: row.stage,
      unit: label(row.unitId, validUntil ? previousDay(validUntil) : row.registeredOn),
      successors: successors.map((s) => ({ ...label(s.unitId, today), share: s.share })),
    })
  }
  items.sort((a, b) => a.unit.unitCode.localeCompare(b.unit.unitCode) || a.registeredOn.localeCompare(b.registeredOn))
  return {
    provinceCode: actor.provinceCode,
    asOfDate: today,
    rule: "Người cư trú tại xã, phường bị chia tách ngày 01/07/2025: số liệu “không xác định được đơn vị” cho đến khi Sở Nội vụ gán cho một xã, phường kế thừa (có lý do).",
    ruleEn:
      "Residents of a commune split on 1 July 2025: their figures are not attributable until the province assigns each to one successor, with a reason.",
    total: items.length,
    items,
  }
}

const previousDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

export const splitResidentsRoute = defineRoute({
  method: "get",
  path: "/api/split-commune-residents",
  summary:
    "Danh sách người cư trú tại xã, phường bị chia tách (01/07/2025) cần gán cho một xã, phường kế thừa (không có họ tên)",
  summaryEn: "Residents of communes split on 1 July 2025, to be assigned to one successor (no names)",
  tags: ["Người lao động"],
  access: ["province-officer"],
  response: Answer,
  handler: ({ actor, services }) => splitResidents(services, actor),
})

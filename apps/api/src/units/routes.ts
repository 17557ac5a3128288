import { AdminUnit, IsoDate } from "@xkld/domain"
import { Schema } from "effect"
import { today } from "../clock.ts"
import { defineRoute } from "../http/route.ts"

const UnitItem = Schema.Struct({
  id: Schema.String,
  code: Schema.String,
  name: Schema.String,
  kind: Schema.String,
  validFrom: Schema.NullOr(Schema.String),
  validTo: Schema.NullOr(Schema.String),
})

export const unitRoutes = [
  defineRoute({
    method: "get",
    path: "/api/units",
    summary: "Danh sách xã, phường của tỉnh vào một ngày",
    summaryEn: "Communes and wards of a province on a date",
    tags: ["Đơn vị hành chính"],
    access: "signed-in",
    query: Schema.Struct({ province: Schema.String.check(Schema.isPattern(/^\d{2}$/)), on: Schema.optional(IsoDate) }),
    response: Schema.Struct({ items: Schema.Array(UnitItem) }),
    handler: async ({ query, services }) => {
      const catalogue = await services.models.catalogues.at()
      const on = query.on ?? today()
      const items = AdminUnit.unitsOf(catalogue, query.province, on).map((u) => {
        const record = catalogue.units.get(u.unitId)
        return {
          id: u.unitId,
          code: u.code,
          name: u.name,
          kind: u.kind,
          validFrom: record?.validFrom ?? null,
          // the record keeps the first day no longer in force; the API says the last day in force
          validTo: record?.validUntil ? previousDay(record.validUntil) : null,
        }
      })
      return { items }
    },
  }),
]

const previousDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

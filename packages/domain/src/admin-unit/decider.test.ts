import { describe, expect, it } from "vitest"
import { given } from "../shared/testing/given-when-then.ts"
import {
  CorrectAdminUnit,
  CorrectSuccession,
  DissolveAdminUnit,
  EstablishAdminUnit,
  RecodeAdminUnit,
  RecordSuccession,
  RenameAdminUnit,
  ReparentAdminUnit,
} from "./commands.ts"
import { adminUnitDecider } from "./decider.ts"
import {
  AdminUnitCorrected,
  AdminUnitDissolved,
  AdminUnitEstablished,
  AdminUnitRecoded,
  AdminUnitRenamed,
  AdminUnitReparented,
  AdminUnitSucceeded,
  AdminUnitSuccessionCorrected,
} from "./events.ts"
import {
  before,
  both,
  chiengLeToToHieu,
  communeBasis,
  laterBasis,
  newChiengAn,
  oldToHieuSplit,
} from "./testing/fixtures.ts"

const establish = (overrides: Partial<ConstructorParameters<typeof EstablishAdminUnit>[0]> = {}) =>
  new EstablishAdminUnit({
    unitId: "x-new",
    code: "04078",
    name: "Xã Chiềng Hặc",
    kind: "commune",
    kindLabel: "xã",
    parentId: "p-new",
    validFrom: "2025-07-01",
    legalBasis: communeBasis,
    ...overrides,
  })

const dissolveDistrict = new AdminUnitDissolved({
  unitId: "d-old",
  effectiveFrom: "2025-07-01",
  legalBasis: laterBasis,
})
const afterReorganisation = [...both, chiengLeToToHieu, oldToHieuSplit, dissolveDistrict] as const

describe("EstablishAdminUnit", () => {
  it("establishes a unit, storing its name in NFC with single spaces", () => {
    const nfd = "  Xã   Chiềng Hặc ".normalize("NFD")
    given(adminUnitDecider, both)
      .when(establish({ name: nfd }))
      .then([
        new AdminUnitEstablished({
          unitId: "x-new",
          code: "04078",
          name: "Xã Chiềng Hặc",
          kind: "commune",
          kindLabel: "xã",
          parentId: "p-new",
          validFrom: "2025-07-01",
          legalBasis: communeBasis,
        }),
      ])
  })

  it("establishes a unit of unrecorded origin without a legal basis when it names its source", () => {
    given(adminUnitDecider, before)
      .when(establish({ parentId: "d-old", validFrom: null, legalBasis: null, source: "dvhcvn" }))
      .then([
        new AdminUnitEstablished({
          unitId: "x-new",
          code: "04078",
          name: "Xã Chiềng Hặc",
          kind: "commune",
          kindLabel: "xã",
          parentId: "d-old",
          validFrom: null,
          legalBasis: null,
          source: "dvhcvn",
        }),
      ])
  })

  it("rejects an id already in the catalogue", () => {
    given(adminUnitDecider, both)
      .when(establish({ unitId: "w-to-hieu" }))
      .rejectedWith("AdminUnitAlreadyExists")
  })

  it("rejects a blank name", () => {
    given(adminUnitDecider, both)
      .when(establish({ name: "   " }))
      .rejectedWith("InvalidAdminUnitName")
  })

  it("rejects a label that does not fit the kind", () => {
    given(adminUnitDecider, both)
      .when(establish({ kindLabel: "phường" }))
      .rejectedWith("KindLabelMismatch")
  })

  it("rejects a code of the wrong length for the kind", () => {
    const rejection = given(adminUnitDecider, both)
      .when(establish({ code: "146" }))
      .rejectedWith("InvalidAdminUnitCode")
    expect(rejection.message).toContain("5 chữ số")
  })

  it("rejects a dated establishment without a legal basis", () => {
    given(adminUnitDecider, both)
      .when(establish({ legalBasis: null }))
      .rejectedWith("LegalBasisRequired")
  })

  it("rejects a commune without a parent, and a province with one", () => {
    given(adminUnitDecider, both)
      .when(establish({ parentId: null }))
      .rejectedWith("InvalidParent")
    given(adminUnitDecider, both)
      .when(establish({ code: "14", kind: "province", kindLabel: "tỉnh", parentId: "p-new" }))
      .rejectedWith("InvalidParent")
  })

  it("rejects an unknown parent, a parent not in force, and a parent of the wrong level", () => {
    given(adminUnitDecider, both)
      .when(establish({ parentId: "nowhere" }))
      .rejectedWith("InvalidParent")
    given(adminUnitDecider, afterReorganisation)
      .when(establish({ parentId: "d-old" }))
      .rejectedWith("InvalidParent")
    given(adminUnitDecider, both)
      .when(establish({ parentId: "w-to-hieu" }))
      .rejectedWith("InvalidParent")
    given(adminUnitDecider, both)
      .when(
        establish({
          code: "117",
          kind: "district",
          kindLabel: "huyện",
          parentId: "d-old",
          validFrom: null,
          legalBasis: null,
        }),
      )
      .rejectedWith("InvalidParent")
  })
})

describe("RenameAdminUnit", () => {
  const rename = (name: string, effectiveFrom = "2026-03-15") =>
    new RenameAdminUnit({ unitId: "w-chieng-an", name, effectiveFrom, legalBasis: laterBasis })

  it("renames from a date", () => {
    given(adminUnitDecider, both)
      .when(rename("Phường Chiềng An Mới"))
      .then([
        new AdminUnitRenamed({
          unitId: "w-chieng-an",
          name: "Phường Chiềng An Mới",
          effectiveFrom: "2026-03-15",
          legalBasis: laterBasis,
        }),
      ])
  })

  it("rejects an unknown unit", () => {
    given(adminUnitDecider, both)
      .when(new RenameAdminUnit({ unitId: "nowhere", name: "X", effectiveFrom: "2026-01-01", legalBasis: laterBasis }))
      .rejectedWith("AdminUnitNotFound")
  })

  it("rejects a rename before the unit was established", () => {
    given(adminUnitDecider, both).when(rename("Phường Khác", "2025-06-30")).rejectedWith("AdminUnitNotInForce")
  })

  it("rejects a rename after the unit ended", () => {
    given(adminUnitDecider, afterReorganisation)
      .when(
        new RenameAdminUnit({
          unitId: "c-chieng-le",
          name: "Phường X",
          effectiveFrom: "2025-08-01",
          legalBasis: laterBasis,
        }),
      )
      .rejectedWith("AdminUnitNotInForce")
  })

  it("rejects a rename dated before a change already recorded", () => {
    const first = new AdminUnitRenamed({
      unitId: "w-chieng-an",
      name: "Phường Chiềng An Mới",
      effectiveFrom: "2026-03-15",
      legalBasis: laterBasis,
    })
    const rejection = given(adminUnitDecider, [...both, first])
      .when(rename("Phường Chiềng An Cũ", "2026-02-01"))
      .rejectedWith("ChangeOutOfOrder")
    expect(rejection).toMatchObject({ lastChange: "2026-03-15" })
  })

  it("rejects the name it already has, whatever its Unicode form", () => {
    given(adminUnitDecider, both)
      .when(rename("Phường Chiềng An".normalize("NFD")))
      .rejectedWith("NothingChanged")
  })

  it("rejects a blank name", () => {
    given(adminUnitDecider, both).when(rename(" ")).rejectedWith("InvalidAdminUnitName")
  })
})

describe("RecodeAdminUnit", () => {
  const recode = (code: string, unitId = "w-chieng-an", effectiveFrom = "2026-03-15") =>
    new RecodeAdminUnit({ unitId, code, effectiveFrom, legalBasis: laterBasis })

  it("gives a unit a new code from a date", () => {
    given(adminUnitDecider, both)
      .when(recode("03670"))
      .then([
        new AdminUnitRecoded({
          unitId: "w-chieng-an",
          code: "03670",
          effectiveFrom: "2026-03-15",
          legalBasis: laterBasis,
        }),
      ])
  })

  it("rejects a malformed code", () => {
    given(adminUnitDecider, both).when(recode("3670")).rejectedWith("InvalidAdminUnitCode")
  })

  it("rejects the code it already has", () => {
    given(adminUnitDecider, both).when(recode("03664")).rejectedWith("NothingChanged")
  })

  it("rejects an unknown unit and a unit no longer in force", () => {
    given(adminUnitDecider, both).when(recode("03670", "nowhere")).rejectedWith("AdminUnitNotFound")
    given(adminUnitDecider, afterReorganisation)
      .when(recode("03670", "c-chieng-le"))
      .rejectedWith("AdminUnitNotInForce")
  })

  it("rejects a date not after the last recorded change", () => {
    given(adminUnitDecider, both)
      .when(recode("03670", "w-chieng-an", "2025-07-01"))
      .rejectedWith("ChangeOutOfOrder")
  })
})

describe("ReparentAdminUnit", () => {
  const reparent = (parentId: string | null, unitId = "c-chieng-le", effectiveFrom = "2025-01-01") =>
    new ReparentAdminUnit({ unitId, parentId, effectiveFrom, legalBasis: laterBasis })

  it("moves a ward from its district directly under the province", () => {
    given(adminUnitDecider, before)
      .when(reparent("p-old"))
      .then([
        new AdminUnitReparented({
          unitId: "c-chieng-le",
          parentId: "p-old",
          effectiveFrom: "2025-01-01",
          legalBasis: laterBasis,
        }),
      ])
  })

  it("rejects the parent it already has", () => {
    given(adminUnitDecider, before).when(reparent("d-old")).rejectedWith("NothingChanged")
  })

  it("rejects a parent of a level that cannot hold it, and no parent", () => {
    given(adminUnitDecider, before).when(reparent("c-to-hieu")).rejectedWith("InvalidParent")
    given(adminUnitDecider, before).when(reparent(null)).rejectedWith("InvalidParent")
  })

  it("rejects a parent not in force on the date", () => {
    given(adminUnitDecider, both).when(reparent("p-new")).rejectedWith("InvalidParent")
  })

  it("rejects an unknown unit and a unit not in force", () => {
    given(adminUnitDecider, before).when(reparent("p-old", "nowhere")).rejectedWith("AdminUnitNotFound")
    given(adminUnitDecider, afterReorganisation)
      .when(reparent("p-new", "c-chieng-le", "2025-09-01"))
      .rejectedWith("AdminUnitNotInForce")
  })
})

describe("RecordSuccession", () => {
  const succession = (
    successors: ReadonlyArray<{ unitId: string; share: number }>,
    overrides: Partial<ConstructorParameters<typeof RecordSuccession>[0]> = {},
  ) =>
    new RecordSuccession({
      unitId: "c-chieng-le",
      effectiveFrom: "2025-07-01",
      legalBasis: communeBasis,
      mode: "full",
      successors,
      shareBasis: "stated",
      ...overrides,
    })

  it("passes a unit in full to one successor (not a split)", () => {
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "w-to-hieu", share: 1 }]))
      .then([chiengLeToToHieu])
  })

  it("marks a succession to several units as a split", () => {
    given(adminUnitDecider, both)
      .when(
        succession(
          [
            { unitId: "w-to-hieu", share: 0.5 },
            { unitId: "w-chieng-an", share: 0.5 },
          ],
          { shareBasis: "assumed-equal" },
        ),
      )
      .then([
        new AdminUnitSucceeded({
          unitId: "c-chieng-le",
          effectiveFrom: "2025-07-01",
          legalBasis: communeBasis,
          mode: "full",
          successors: [
            { unitId: "w-to-hieu", share: 0.5 },
            { unitId: "w-chieng-an", share: 0.5 },
          ],
          shareBasis: "assumed-equal",
          split: true,
        }),
      ])
  })

  it("accepts equal thirds although they do not add up to exactly 1 in floating point", () => {
    const third = 1 / 3
    const extra = new AdminUnitEstablished({ ...newChiengAn, unitId: "w-3", code: "03670", name: "Phường Ba" })
    const result = given(adminUnitDecider, [...both, extra]).when(
      succession([
        { unitId: "w-to-hieu", share: third },
        { unitId: "w-chieng-an", share: third },
        { unitId: "w-3", share: third },
      ]),
    )
    expect(result.result._tag).toBe("Success")
  })

  it("records a partial transfer as a split; the predecessor goes on", () => {
    given(adminUnitDecider, [...both, chiengLeToToHieu])
      .when(
        new RecordSuccession({
          unitId: "w-to-hieu",
          effectiveFrom: "2026-03-15",
          legalBasis: laterBasis,
          mode: "partial",
          successors: [{ unitId: "w-chieng-an", share: 0.2 }],
          shareBasis: "stated",
        }),
      )
      .then([
        new AdminUnitSucceeded({
          unitId: "w-to-hieu",
          effectiveFrom: "2026-03-15",
          legalBasis: laterBasis,
          mode: "partial",
          successors: [{ unitId: "w-chieng-an", share: 0.2 }],
          shareBasis: "stated",
          split: true,
        }),
      ])
  })

  it("rejects an unknown predecessor", () => {
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "w-to-hieu", share: 1 }], { unitId: "nowhere" }))
      .rejectedWith("AdminUnitNotFound")
  })

  it("rejects a predecessor that has already ended", () => {
    given(adminUnitDecider, [...both, chiengLeToToHieu])
      .when(succession([{ unitId: "w-chieng-an", share: 1 }], { effectiveFrom: "2025-08-01" }))
      .rejectedWith("AdminUnitNotInForce")
  })

  it("rejects a succession dated before a change already recorded", () => {
    const renamed = new AdminUnitRenamed({
      unitId: "c-chieng-le",
      name: "Phường Chiềng Lề Mới",
      effectiveFrom: "2025-06-20",
      legalBasis: laterBasis,
    })
    given(adminUnitDecider, [...both, renamed])
      .when(succession([{ unitId: "w-to-hieu", share: 1 }], { effectiveFrom: "2025-06-10" }))
      .rejectedWith("ChangeOutOfOrder")
  })

  it("rejects no successors, a successor named twice, and the unit itself as successor", () => {
    given(adminUnitDecider, both).when(succession([])).rejectedWith("InvalidSuccessors")
    given(adminUnitDecider, both)
      .when(
        succession([
          { unitId: "w-to-hieu", share: 0.5 },
          { unitId: "w-to-hieu", share: 0.5 },
        ]),
      )
      .rejectedWith("InvalidSuccessors")
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "c-chieng-le", share: 1 }], { mode: "full" }))
      .rejectedWith("InvalidSuccessors")
  })

  it("rejects a successor that is not in the catalogue", () => {
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "nowhere", share: 1 }]))
      .rejectedWith("SuccessorNotFound")
  })

  it("rejects a successor that was dissolved or not yet established", () => {
    given(adminUnitDecider, afterReorganisation)
      .when(succession([{ unitId: "c-chieng-le", share: 1 }], { unitId: "w-chieng-an", effectiveFrom: "2026-01-01" }))
      .rejectedWith("SuccessorNotInForce")
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "w-to-hieu", share: 1 }], { effectiveFrom: "2025-06-01" }))
      .rejectedWith("SuccessorNotInForce")
  })

  it("rejects split weights that do not sum to 1", () => {
    const rejection = given(adminUnitDecider, both)
      .when(
        succession([
          { unitId: "w-to-hieu", share: 0.5 },
          { unitId: "w-chieng-an", share: 0.4 },
        ]),
      )
      .rejectedWith("SharesDoNotAddUp")
    expect(rejection).toMatchObject({ mode: "full", sum: expect.closeTo(0.9) })
  })

  it("rejects a partial transfer of everything, and shares outside (0, 1]", () => {
    given(adminUnitDecider, both)
      .when(succession([{ unitId: "w-to-hieu", share: 1 }], { mode: "partial" }))
      .rejectedWith("SharesDoNotAddUp")
    // A share outside (0, 1] never reaches the decider: the command's schema refuses it.
    expect(() =>
      succession([
        { unitId: "w-to-hieu", share: 1.5 },
        { unitId: "w-chieng-an", share: -0.5 },
      ]),
    ).toThrow()
  })

  it("rejects ending a unit in full while units under it are in force", () => {
    const rejection = given(adminUnitDecider, both)
      .when(succession([{ unitId: "p-new", share: 1 }], { unitId: "p-old" }))
      .rejectedWith("UnitHasActiveChildren")
    expect(rejection).toMatchObject({ childIds: ["d-old"] })
  })
})

describe("DissolveAdminUnit", () => {
  const dissolve = (unitId = "d-old", effectiveFrom = "2025-07-01") =>
    new DissolveAdminUnit({ unitId, effectiveFrom, legalBasis: laterBasis })

  it("dissolves a district whose communes have passed on", () => {
    given(adminUnitDecider, [...both, chiengLeToToHieu, oldToHieuSplit])
      .when(dissolve())
      .then([dissolveDistrict])
  })

  it("rejects dissolving a unit with units still under it", () => {
    const rejection = given(adminUnitDecider, both).when(dissolve()).rejectedWith("UnitHasActiveChildren")
    expect(rejection).toMatchObject({ childIds: ["c-chieng-le", "c-to-hieu"] })
  })

  it("rejects dissolving twice, an unknown unit, and a date before a recorded change", () => {
    given(adminUnitDecider, afterReorganisation)
      .when(dissolve("d-old", "2025-08-01"))
      .rejectedWith("AdminUnitNotInForce")
    given(adminUnitDecider, both).when(dissolve("nowhere")).rejectedWith("AdminUnitNotFound")
    given(adminUnitDecider, [...both, chiengLeToToHieu])
      .when(dissolve("c-to-hieu", "2025-07-01"))
      .then([new AdminUnitDissolved({ unitId: "c-to-hieu", effectiveFrom: "2025-07-01", legalBasis: laterBasis })])
    given(adminUnitDecider, both).when(dissolve("w-chieng-an", "2025-07-01")).rejectedWith("ChangeOutOfOrder")
  })
})

describe("CorrectAdminUnit", () => {
  const correct = (fields: Partial<ConstructorParameters<typeof CorrectAdminUnit>[0]>) =>
    new CorrectAdminUnit({
      unitId: "c-chieng-le",
      correctsEventId: "evt-1",
      reason: "Sai chính tả",
      periodFrom: null,
      ...fields,
    })

  it("corrects the name recorded for a period", () => {
    given(adminUnitDecider, both)
      .when(correct({ name: "Phường  Chiềng Lể " }))
      .then([
        new AdminUnitCorrected({
          unitId: "c-chieng-le",
          correctsEventId: "evt-1",
          reason: "Sai chính tả",
          periodFrom: null,
          name: "Phường Chiềng Lể",
        }),
      ])
  })

  it("corrects kind and label together", () => {
    given(adminUnitDecider, both)
      .when(correct({ kind: "township", kindLabel: "thị trấn" }))
      .then([
        new AdminUnitCorrected({
          unitId: "c-chieng-le",
          correctsEventId: "evt-1",
          reason: "Sai chính tả",
          periodFrom: null,
          kind: "township",
          kindLabel: "thị trấn",
        }),
      ])
  })

  it("rejects a correction of nothing, or of values already recorded", () => {
    given(adminUnitDecider, both).when(correct({})).rejectedWith("NothingChanged")
    given(adminUnitDecider, both)
      .when(correct({ code: "03646" }))
      .rejectedWith("NothingChanged")
  })

  it("rejects a period that was never recorded", () => {
    given(adminUnitDecider, both)
      .when(correct({ periodFrom: "2024-01-01", code: "03647" }))
      .rejectedWith("CorrectionTargetNotFound")
  })

  it("rejects a kind without its label, a wrong label, a malformed code, a bad parent, an unknown unit", () => {
    given(adminUnitDecider, both)
      .when(correct({ kind: "commune" }))
      .rejectedWith("KindLabelMismatch")
    given(adminUnitDecider, both)
      .when(correct({ kind: "commune", kindLabel: "phường" }))
      .rejectedWith("KindLabelMismatch")
    given(adminUnitDecider, both)
      .when(correct({ code: "036" }))
      .rejectedWith("InvalidAdminUnitCode")
    given(adminUnitDecider, both)
      .when(correct({ parentId: "c-to-hieu" }))
      .rejectedWith("InvalidParent")
    given(adminUnitDecider, both)
      .when(correct({ unitId: "nowhere", code: "03647" }))
      .rejectedWith("AdminUnitNotFound")
    given(adminUnitDecider, both)
      .when(correct({ name: "  " }))
      .rejectedWith("InvalidAdminUnitName")
  })
})

describe("CorrectSuccession", () => {
  const correct = (successors: ReadonlyArray<{ unitId: string; share: number }>, effectiveFrom = "2025-07-01") =>
    new CorrectSuccession({
      unitId: "c-to-hieu",
      correctsEventId: "evt-2",
      reason: "Nghị quyết ghi một phần diện tích",
      effectiveFrom,
      successors,
      shareBasis: "stated",
    })

  it("replaces the successors and shares of a recorded succession", () => {
    const successors = [
      { unitId: "w-to-hieu", share: 0.8 },
      { unitId: "w-chieng-an", share: 0.2 },
    ]
    given(adminUnitDecider, [...both, oldToHieuSplit])
      .when(correct(successors))
      .then([
        new AdminUnitSuccessionCorrected({
          unitId: "c-to-hieu",
          correctsEventId: "evt-2",
          reason: "Nghị quyết ghi một phần diện tích",
          effectiveFrom: "2025-07-01",
          successors,
          shareBasis: "stated",
          split: true,
        }),
      ])
  })

  it("rejects a succession that was never recorded, and an unknown unit", () => {
    given(adminUnitDecider, [...both, oldToHieuSplit])
      .when(correct([{ unitId: "w-to-hieu", share: 1 }], "2025-08-01"))
      .rejectedWith("CorrectionTargetNotFound")
    given(adminUnitDecider, both)
      .when(new CorrectSuccession({ ...correct([]), unitId: "nowhere" }))
      .rejectedWith("AdminUnitNotFound")
  })

  it("applies the same rules to the corrected successors", () => {
    given(adminUnitDecider, [...both, oldToHieuSplit])
      .when(correct([{ unitId: "w-to-hieu", share: 0.7 }]))
      .rejectedWith("SharesDoNotAddUp")
    given(adminUnitDecider, [...both, oldToHieuSplit])
      .when(correct([{ unitId: "nowhere", share: 1 }]))
      .rejectedWith("SuccessorNotFound")
  })
})

describe("rejection messages", () => {
  it("are in Vietnamese with an English twin", () => {
    const rejection = given(adminUnitDecider, both)
      .when(
        new RenameAdminUnit({
          unitId: "w-chieng-an",
          name: "Phường X",
          effectiveFrom: "2025-06-01",
          legalBasis: laterBasis,
        }),
      )
      .rejectedWith("AdminUnitNotInForce")
    expect(rejection.message).toBe("Đơn vị hành chính w-chieng-an chưa thành lập hoặc đã chấm dứt vào ngày 2025-06-01.")
    expect(rejection.messageEn).toContain("not in force")
  })
})

import { Schema } from "effect"

const text = { message: Schema.String, messageEn: Schema.String }
const at = (date: string | null) => (date === null ? "từ đầu" : `ngày ${date}`)

export class AdminUnitAlreadyExists extends Schema.TaggedError<AdminUnitAlreadyExists>()("AdminUnitAlreadyExists", {
  unitId: Schema.String,
  ...text,
}) {}

export class AdminUnitNotFound extends Schema.TaggedError<AdminUnitNotFound>()("AdminUnitNotFound", {
  unitId: Schema.String,
  ...text,
}) {}

/** The unit was not yet established, or had already ended, on the date of the change. */
export class AdminUnitNotInForce extends Schema.TaggedError<AdminUnitNotInForce>()("AdminUnitNotInForce", {
  unitId: Schema.String,
  date: Schema.String,
  ...text,
}) {}

export class InvalidAdminUnitCode extends Schema.TaggedError<InvalidAdminUnitCode>()("InvalidAdminUnitCode", {
  code: Schema.String,
  kind: Schema.String,
  ...text,
}) {}

export class InvalidAdminUnitName extends Schema.TaggedError<InvalidAdminUnitName>()("InvalidAdminUnitName", {
  name: Schema.String,
  ...text,
}) {}

export class KindLabelMismatch extends Schema.TaggedError<KindLabelMismatch>()("KindLabelMismatch", {
  kind: Schema.String,
  kindLabel: Schema.String,
  ...text,
}) {}

/** A dated establishment must cite the decision that made it. */
export class LegalBasisRequired extends Schema.TaggedError<LegalBasisRequired>()("LegalBasisRequired", {
  unitId: Schema.String,
  ...text,
}) {}

export class InvalidParent extends Schema.TaggedError<InvalidParent>()("InvalidParent", {
  unitId: Schema.String,
  parentId: Schema.NullOr(Schema.String),
  ...text,
}) {}

/** A dated change must come after every change already recorded for the unit. */
export class ChangeOutOfOrder extends Schema.TaggedError<ChangeOutOfOrder>()("ChangeOutOfOrder", {
  unitId: Schema.String,
  date: Schema.String,
  lastChange: Schema.String,
  ...text,
}) {}

export class NothingChanged extends Schema.TaggedError<NothingChanged>()("NothingChanged", {
  unitId: Schema.String,
  ...text,
}) {}

/** No successors, a successor named twice, or the predecessor as its own successor. */
export class InvalidSuccessors extends Schema.TaggedError<InvalidSuccessors>()("InvalidSuccessors", {
  unitId: Schema.String,
  ...text,
}) {}

export class SuccessorNotFound extends Schema.TaggedError<SuccessorNotFound>()("SuccessorNotFound", {
  unitId: Schema.String,
  ...text,
}) {}

export class SuccessorNotInForce extends Schema.TaggedError<SuccessorNotInForce>()("SuccessorNotInForce", {
  unitId: Schema.String,
  date: Schema.String,
  ...text,
}) {}

/** A full succession's shares must sum to 1; a partial one's to less than 1; each share in (0, 1]. */
export class SharesDoNotAddUp extends Schema.TaggedError<SharesDoNotAddUp>()("SharesDoNotAddUp", {
  unitId: Schema.String,
  mode: Schema.String,
  sum: Schema.Number,
  ...text,
}) {}

/** A unit cannot end while units under it are still in force. */
export class UnitHasActiveChildren extends Schema.TaggedError<UnitHasActiveChildren>()("UnitHasActiveChildren", {
  unitId: Schema.String,
  date: Schema.String,
  childIds: Schema.Array(Schema.String),
  ...text,
}) {}

export class CorrectionTargetNotFound extends Schema.TaggedError<CorrectionTargetNotFound>()(
  "CorrectionTargetNotFound",
  { unitId: Schema.String, correctsEventId: Schema.String, ...text },
) {}

export type AdminUnitRejection =
  | AdminUnitAlreadyExists
  | AdminUnitNotFound
  | AdminUnitNotInForce
  | InvalidAdminUnitCode
  | InvalidAdminUnitName
  | KindLabelMismatch
  | LegalBasisRequired
  | InvalidParent
  | ChangeOutOfOrder
  | NothingChanged
  | InvalidSuccessors
  | SuccessorNotFound
  | SuccessorNotInForce
  | SharesDoNotAddUp
  | UnitHasActiveChildren
  | CorrectionTargetNotFound

/** Constructors that write the user-facing messages (Vietnamese first, English beside it). */
export const rejectAdminUnit = {
  alreadyExists: (unitId: string) =>
    new AdminUnitAlreadyExists({
      unitId,
      message: `Đơn vị hành chính ${unitId} đã có trong danh mục.`,
      messageEn: `Administrative unit ${unitId} already exists.`,
    }),
  notFound: (unitId: string) =>
    new AdminUnitNotFound({
      unitId,
      message: `Không tìm thấy đơn vị hành chính ${unitId}.`,
      messageEn: `Administrative unit ${unitId} not found.`,
    }),
  notInForce: (unitId: string, date: string) =>
    new AdminUnitNotInForce({
      unitId,
      date,
      message: `Đơn vị hành chính ${unitId} chưa thành lập hoặc đã chấm dứt vào ngày ${date}.`,
      messageEn: `Administrative unit ${unitId} is not in force on ${date}.`,
    }),
  invalidCode: (code: string, kind: string) =>
    new InvalidAdminUnitCode({
      code,
      kind,
      message: `Mã "${code}" không đúng dạng (tỉnh: 2 chữ số, huyện: 3 chữ số, xã/phường/đặc khu: 5 chữ số).`,
      messageEn: `Code "${code}" is not valid for a ${kind}.`,
    }),
  invalidName: (name: string) =>
    new InvalidAdminUnitName({
      name,
      message: "Tên đơn vị hành chính không được để trống.",
      messageEn: "Name is empty.",
    }),
  kindLabelMismatch: (kind: string, kindLabel: string) =>
    new KindLabelMismatch({
      kind,
      kindLabel,
      message: `Loại "${kindLabel}" không phù hợp với cấp ${kind}.`,
      messageEn: `Label "${kindLabel}" does not fit kind ${kind}.`,
    }),
  legalBasisRequired: (unitId: string) =>
    new LegalBasisRequired({
      unitId,
      message: "Việc thành lập đơn vị từ một ngày xác định phải nêu căn cứ pháp lý (số, ngày, cơ quan ban hành).",
      messageEn: "A dated establishment must cite its legal basis.",
    }),
  invalidParent: (unitId: string, parentId: string | null, vi: string, en: string) =>
    new InvalidParent({ unitId, parentId, message: vi, messageEn: en }),
  outOfOrder: (unitId: string, date: string, lastChange: string) =>
    new ChangeOutOfOrder({
      unitId,
      date,
      lastChange,
      message: `Thay đổi ngày ${date} phải sau thay đổi gần nhất đã ghi nhận (ngày ${lastChange}).`,
      messageEn: `A change on ${date} must come after the last recorded change (${lastChange}).`,
    }),
  nothingChanged: (unitId: string) =>
    new NothingChanged({
      unitId,
      message: "Không có gì thay đổi so với thông tin đã ghi nhận.",
      messageEn: "Nothing differs from what is recorded.",
    }),
  invalidSuccessors: (unitId: string, vi: string, en: string) =>
    new InvalidSuccessors({ unitId, message: vi, messageEn: en }),
  successorNotFound: (unitId: string) =>
    new SuccessorNotFound({
      unitId,
      message: `Đơn vị kế thừa ${unitId} không có trong danh mục.`,
      messageEn: `Successor ${unitId} is not in the catalogue.`,
    }),
  successorNotInForce: (unitId: string, date: string) =>
    new SuccessorNotInForce({
      unitId,
      date,
      message: `Đơn vị kế thừa ${unitId} chưa thành lập hoặc đã chấm dứt vào ngày ${date}.`,
      messageEn: `Successor ${unitId} is not in force on ${date}.`,
    }),
  sharesDoNotAddUp: (unitId: string, mode: string, sum: number) =>
    new SharesDoNotAddUp({
      unitId,
      mode,
      sum,
      message:
        mode === "full"
          ? `Tổng tỷ lệ kế thừa phải bằng 1 khi sắp xếp toàn bộ (hiện là ${sum}); mỗi tỷ lệ trong khoảng (0, 1].`
          : `Tổng tỷ lệ kế thừa phải nhỏ hơn 1 khi chỉ chuyển một phần (hiện là ${sum}); mỗi tỷ lệ trong khoảng (0, 1].`,
      messageEn: `Shares of a ${mode} succession sum to ${sum}.`,
    }),
  hasActiveChildren: (unitId: string, date: string, childIds: ReadonlyArray<string>) =>
    new UnitHasActiveChildren({
      unitId,
      date,
      childIds: [...childIds],
      message: `Đơn vị ${unitId} còn ${childIds.length} đơn vị trực thuộc đang hoạt động vào ngày ${date}.`,
      messageEn: `Unit ${unitId} still has ${childIds.length} units under it on ${date}.`,
    }),
  correctionTargetNotFound: (unitId: string, correctsEventId: string, periodFrom: string | null) =>
    new CorrectionTargetNotFound({
      unitId,
      correctsEventId,
      message: `Không có thông tin nào của đơn vị ${unitId} bắt đầu ${at(periodFrom)} để đính chính.`,
      messageEn: `Unit ${unitId} has no recorded period starting ${periodFrom ?? "at its origin"} to correct.`,
    }),
}

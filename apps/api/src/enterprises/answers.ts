import { IsoDate } from "@xkld/domain"
import { Schema } from "effect"
import { RecordAnswerBody } from "../http/answers.ts"
import { PageBody } from "../http/query.ts"

/** An enterprise as the API shows it (the read model's row), with where it stands in the province asked about. */
export const EnterpriseItemBody = Schema.Struct({
  id: Schema.String,
  enterpriseId: Schema.String,
  name: Schema.String,
  licenceNumber: Schema.String,
  licenceDate: IsoDate,
  /** The provinces whose vetted list it is on (codes, sorted). */
  vettedIn: Schema.Array(Schema.String),
  suspended: Schema.Boolean,
  suspensionReason: Schema.NullOr(Schema.String),
  violations: Schema.Int,
  vettedInProvince: Schema.Boolean,
  mayRecruitInProvince: Schema.Boolean,
}).annotate({ identifier: "EnterpriseItem" })

export const EnterpriseListBody = PageBody(EnterpriseItemBody)

export const EnterpriseAnswerBody = RecordAnswerBody("enterprise", EnterpriseItemBody)

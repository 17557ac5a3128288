/** The lifecycle commands the worker page offers, each with the fields its API body takes (besides the date). */
export interface StepField {
  readonly name: string
  readonly vi: string
  readonly en: string
  readonly kind: "text" | "checkbox" | "select"
  readonly options?: ReadonlyArray<readonly [string, string, string]>
}

export interface Step {
  readonly segment: string
  readonly vi: string
  readonly en: string
  readonly fields: ReadonlyArray<StepField>
}

const provider: StepField = { name: "provider", vi: "Đơn vị thực hiện", en: "Provider", kind: "text" }

export const STEPS: ReadonlyArray<Step> = [
  { segment: "counselling", vi: "Tư vấn", en: "Counselling", fields: [provider] },
  {
    segment: "training",
    vi: "Hoàn thành đào tạo",
    en: "Training completed",
    fields: [
      {
        name: "kind",
        vi: "Loại đào tạo",
        en: "Kind",
        kind: "select",
        options: [
          ["language", "Ngoại ngữ", "Language"],
          ["vocational", "Nghề", "Vocational"],
          ["orientation", "Bồi dưỡng kiến thức cần thiết", "Orientation"],
        ],
      },
      provider,
    ],
  },
  {
    segment: "health-check",
    vi: "Khám sức khỏe",
    en: "Health check",
    fields: [provider, { name: "fit", vi: "Đủ sức khỏe", en: "Fit", kind: "checkbox" }],
  },
  {
    segment: "criminal-record-certificate",
    vi: "Phiếu lý lịch tư pháp",
    en: "Criminal record certificate",
    fields: [
      { name: "issuer", vi: "Cơ quan cấp", en: "Issuer", kind: "text" },
      { name: "hasConvictions", vi: "Có án tích", en: "Has convictions", kind: "checkbox" },
    ],
  },
  { segment: "dossier-confirmation", vi: "Xác nhận hồ sơ", en: "Dossier confirmation", fields: [] },
  { segment: "departure", vi: "Xuất cảnh", en: "Departure", fields: [] },
  {
    segment: "withdrawal",
    vi: "Rút hồ sơ",
    en: "Withdrawal",
    fields: [{ name: "reason", vi: "Lý do", en: "Reason", kind: "text" }],
  },
]

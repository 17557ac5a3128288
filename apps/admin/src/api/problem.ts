/** An RFC 9457 problem answered by the API (Vietnamese title/detail, English titleEn/detailEn, offending fields). */
export interface ProblemField {
  readonly path: string
  readonly message: string
  readonly messageEn?: string
}

export class ApiProblem extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly titleEn: string
  readonly detail: string | undefined
  readonly detailEn: string | undefined
  readonly fields: ReadonlyArray<ProblemField>
  /** The whole problem, for its extensions (an import's `rows`). */
  readonly body: Readonly<Record<string, unknown>>

  constructor(status: number, body: unknown) {
    const problem = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>
    const text = (key: string) => (typeof problem[key] === "string" ? (problem[key] as string) : undefined)
    const title = text("title") ?? `Lỗi ${status}`
    super(title)
    this.status = status
    this.type = text("type") ?? "about:blank"
    this.title = title
    this.titleEn = text("titleEn") ?? title
    this.detail = text("detail")
    this.detailEn = text("detailEn")
    this.body = problem
    this.fields = Array.isArray(problem.fields) ? (problem.fields as ProblemField[]) : []
  }

  /** The message in the interface's language: the detail when there is one, else the title. */
  describe(language: "vi" | "en"): string {
    return language === "en" ? (this.detailEn ?? this.titleEn) : (this.detail ?? this.title)
  }

  /** The message of one field (`body.identity.fullName` matches `identity.fullName`). */
  fieldMessage(path: string, language: "vi" | "en"): string | undefined {
    const field = this.fields.find((f) => f.path === path || f.path === `body.${path}` || f.path.endsWith(`.${path}`))
    return field && (language === "en" ? (field.messageEn ?? field.message) : field.message)
  }
}

/** A network failure (offline, server down): the command never reached the API. */
export class NetworkError extends Error {}

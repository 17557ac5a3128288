/** Where a reference fact comes from: a seed document (by its number in /work/shared/seeds) and the words it uses. */
export interface SeedSource {
  /** "000" … "004", or "domain" for the project's domain map (public facts not in a seed). */
  readonly seed: "000" | "001" | "002" | "003" | "004" | "domain"
  readonly quote: string
}

/**
 * Vietnamese names: stored in NFC with single spaces; matched ignoring case, Unicode form (NFC/NFD input)
 * and, optionally, the leading kind word ("Phường Tô Hiệu" also matches "tô hiệu").
 */
export const normaliseName = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ")

/** Key used to compare names: NFC, trimmed, single-spaced, lower case. */
export const nameKey = (name: string): string => normaliseName(name).toLocaleLowerCase("vi")

const kindWords = /^(tỉnh|thành phố|huyện|thị xã|xã|phường|thị trấn|đặc khu) /

const kindWordsAnyCase = new RegExp(kindWords.source, "iu")

/** The name without its leading kind word ("Phường Tô Hiệu" → "Tô Hiệu"). */
export const bareName = (name: string): string => normaliseName(name).replace(kindWordsAnyCase, "")

/** The name without its leading kind word, as a key ("Phường Tô Hiệu" → "tô hiệu"). */
export const bareNameKey = (name: string): string => nameKey(name).replace(kindWords, "")

const collator = new Intl.Collator("vi")

/** Vietnamese collation order for unit names. */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b)

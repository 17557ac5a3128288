import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { en, vi, type MessageKey } from "./messages.ts"

export type Language = "vi" | "en"
const STORAGE_KEY = "xkld.language"
const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en }

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

interface I18n {
  readonly language: Language
  readonly t: Translate
  readonly toggle: () => void
}

const I18nContext = createContext<I18n | undefined>(undefined)

const initialLanguage = (): Language => (localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi")

/** Vietnamese unless the officer chose English (kept in this browser). */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage)
  useEffect(() => {
    document.documentElement.lang = language
    localStorage.setItem(STORAGE_KEY, language)
  }, [language])
  const t = useCallback<Translate>(
    (key, vars) =>
      dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        vars && name in vars ? String(vars[name]) : whole,
      ),
    [language],
  )
  const toggle = useCallback(() => setLanguage((current) => (current === "vi" ? "en" : "vi")), [])
  const value = useMemo(() => ({ language, t, toggle }), [language, t, toggle])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error("useI18n outside I18nProvider")
  return value
}

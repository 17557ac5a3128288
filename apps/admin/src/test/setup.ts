import { cleanup } from "@testing-library/react"
import { afterEach } from "vitest"

afterEach(() => {
  cleanup()
  if (typeof localStorage !== "undefined") localStorage.clear()
})

/**
 * Which screens a role may open: the same grants the API declares (`x-access` of each route in
 * /api/openapi.json). The API still decides; this only keeps the menu to what would not answer 403.
 */
export type Role =
  | "province-officer"
  | "commune-officer"
  | "enterprise-officer"
  | "bank-officer"
  | "department-officer"
  | "leader"
  | "auditor"
  | "administrator"
  | "national-officer"

export type Screen =
  | "overview"
  | "changes"
  | "workers"
  | "plans"
  | "reports"
  | "imports"
  | "enterprises"
  | "tasks"
  | "obligations"
  | "audit"
  | "users"

const FIGURES: ReadonlyArray<Role> = [
  "province-officer",
  "national-officer",
  "commune-officer",
  "department-officer",
  "leader",
  "auditor",
]

export const SCREEN_ROLES: Record<Screen, ReadonlyArray<Role>> = {
  overview: FIGURES, // GET /api/attainment, /api/reports/*
  changes: ["province-officer", "auditor"], // GET /api/attainment/difference
  workers: ["province-officer", "commune-officer", "enterprise-officer", "bank-officer", "auditor"], // GET /api/workers
  plans: FIGURES, // GET /api/plans
  reports: FIGURES, // GET /api/reports/periodic
  imports: ["province-officer", "commune-officer"], // POST /api/imports/workers
  enterprises: [...FIGURES, "enterprise-officer", "bank-officer"], // GET /api/enterprises
  tasks: ["province-officer", "department-officer", "commune-officer", "leader", "auditor"], // GET /api/tasks
  obligations: ["province-officer", "department-officer", "commune-officer", "leader", "auditor"],
  audit: ["auditor", "administrator"], // GET /api/projections (verify also for province officers)
  users: ["administrator"], // GET /api/users
}

/** Who may open a figure's lineage (GET /api/lineage). */
export const LINEAGE_ROLES: ReadonlyArray<Role> = ["auditor", "province-officer", "commune-officer"]
/** Who may register workers and record their steps (POST /api/workers). */
export const WRITER_ROLES: ReadonlyArray<Role> = ["province-officer", "commune-officer"]

export const canOpen = (role: string, screen: Screen): boolean => SCREEN_ROLES[screen].includes(role as Role)

export const SCREEN_ORDER: ReadonlyArray<Screen> = [
  "overview",
  "changes",
  "workers",
  "plans",
  "reports",
  "imports",
  "enterprises",
  "tasks",
  "obligations",
  "audit",
  "users",
]

/** The first screen a role lands on after signing in. */
export const homeScreen = (role: string): Screen => SCREEN_ORDER.find((screen) => canOpen(role, screen)) ?? "overview"

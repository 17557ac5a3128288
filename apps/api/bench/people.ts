/**
 * Made-up people for the command benchmark: every registration a different person with a well-formed citizen
 * ID (12 digits: birth-registration province 014 Sơn La, century/sex digit, two digits of the birth year,
 * six serial digits), consistent with the date of birth and sex sent beside it.
 */

const FAMILY = ["Lò", "Quàng", "Cầm", "Lường", "Tòng", "Hà", "Vì", "Nguyễn"]
const MIDDLE = { male: "Văn", female: "Thị" } as const
const GIVEN = ["An", "Bình", "Chung", "Dung", "Hạnh", "Khánh", "Lan", "Minh", "Nga", "Phương", "Sơn", "Thắng"]

/** Century/sex digit: 0 male 1900s, 1 female 1900s, 2 male 2000s, 3 female 2000s. */
export const citizenIdFor = (dateOfBirth: string, sex: "male" | "female", serial: number): string => {
  const year = Number(dateOfBirth.slice(0, 4))
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0)
  return `014${century}${String(year % 100).padStart(2, "0")}${String(serial % 1_000_000).padStart(6, "0")}`
}

/** People numbered from a random start, so that two runs on one database would not collide either. */
export function people(unit: string) {
  let serial = Math.floor(Math.random() * 500_000)
  return () => {
    const n = serial++
    const sex = n % 2 === 0 ? "male" : "female"
    const year = 1985 + (n % 20)
    const dateOfBirth = `${year}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`
    return {
      occurredOn: "2026-01-05",
      identity: {
        fullName: `${FAMILY[n % FAMILY.length]} ${MIDDLE[sex]} ${GIVEN[n % GIVEN.length]}`,
        citizenId: citizenIdFor(dateOfBirth, sex, n),
        dateOfBirth,
        sex,
        phone: `09${String(n).padStart(8, "0")}`,
      },
      sensitive: { ethnicGroup: "Thái" },
      residenceUnit: unit,
      ethnicMinority: true,
      priorityGroups: ["ruralWorker"],
    }
  }
}

export const contractBody = (enterpriseId: string) => ({
  occurredOn: "2026-02-01",
  enterpriseId,
  country: "KR",
  programme: "EPS",
  occupation: "Sản xuất chế tạo",
  durationMonths: 36,
  monthlyWage: { amount: 2_000_000, currency: "KRW" },
  feesPaidByWorker: 0,
})

export const departureBody = () => ({ occurredOn: "2026-03-01" })

import ExcelJS from "exceljs"

/** The demo province's two communes (Sơn La): Tô Hiệu ward and Chiềng An; their officers are `to-hieu`, `chieng-an`. */
export const TO_HIEU = "03646"
export const CHIENG_AN = "03664"
export const OFFICER_OF: Readonly<Record<string, string>> = { "to-hieu": TO_HIEU, "chieng-an": CHIENG_AN }

const FAMILY = ["Lò", "Cầm", "Quàng", "Hoàng", "Vì", "Lường", "Tòng", "Điêu"]
const GIVEN = ["Văn Minh", "Thị Lan", "Văn Hùng", "Thị Mai", "Văn Tuấn", "Thị Hoa", "Văn Dũng", "Thị Hương"]

/**
 * A valid citizen id (CCCD) of someone born in `year`: Sơn La's code 014, the century-and-sex digit, the year's last
 * two digits, and a six-digit serial. `serial` (below 10^6) keeps people apart; each test takes its own range.
 */
const citizenId = (year: number, female: boolean, serial: number) =>
  `014${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(year % 100).padStart(2, "0")}${String(serial % 1_000_000).padStart(6, "0")}`

/**
 * Today (UTC, never ahead of Vietnam's date): the API runs on the real clock, and a short demo history records the
 * units only weeks back, so a registration dated in January would name a unit not yet known then.
 */
const today = () => new Date().toISOString().slice(0, 10)

/** The body of `POST /api/workers`: one person registering in `unit`. */
export function registration(serial: number, unit: string) {
  const year = 1990 + (serial % 15)
  const female = serial % 2 === 1
  return {
    occurredOn: today(),
    identity: {
      fullName: `${FAMILY[serial % FAMILY.length]} ${GIVEN[(serial >> 3) % GIVEN.length]}`,
      citizenId: citizenId(year, female, serial),
      dateOfBirth: `${year}-05-12`,
      sex: female ? "female" : "male",
      phone: "0912345678",
    },
    sensitive: { ethnicGroup: "Thái" },
    residenceUnit: unit,
    ethnicMinority: true,
    priorityGroups: ["ruralWorker"],
  }
}

const HEADERS = [
  "STT",
  "Họ và tên",
  "Số CCCD",
  "Ngày sinh (dd/mm/yyyy)",
  "Giới tính (Nam/Nữ)",
  "Mã xã/phường",
  "Dân tộc thiểu số (Có/Không)",
  "Nhóm ưu tiên",
  "Ngày đăng ký (dd/mm/yyyy)",
  "Số điện thoại",
]

/** A workers import file (the template's columns) of `n` people of `unit`, serials from `firstSerial`. */
export async function workersFile(n: number, firstSerial: number, unit: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("DS")
  sheet.addRow(["DANH SÁCH NGƯỜI LAO ĐỘNG ĐĂNG KÝ ĐI LÀM VIỆC Ở NƯỚC NGOÀI"])
  sheet.addRow(HEADERS)
  for (let i = 0; i < n; i++) {
    const serial = firstSerial + i
    const year = 1990 + (serial % 15)
    const female = serial % 2 === 1
    sheet.addRow([
      i + 1,
      `${FAMILY[serial % FAMILY.length]} ${GIVEN[(serial >> 3) % GIVEN.length]}`,
      citizenId(year, female, serial),
      `12/05/${year}`,
      female ? "Nữ" : "Nam",
      unit,
      "Có",
      "",
      today().split("-").toReversed().join("/"),
      "",
    ])
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

import { type Allocation, allocation } from "../allocation.ts"
import type { IssuePlan, IssueScheme } from "../commands.ts"
import type { PrintedLegalBasis } from "../printed-legal-basis.ts"
import type { Target } from "../target.ts"

/**
 * Sơn La 2026 — seed 001 (Quyết định ban hành Kế hoạch và giao chỉ tiêu … năm 2026), exactly as printed.
 *
 * The copy in the seed is unsigned as far as number and date go: "Số:           /QĐ-UBND" and
 * "Sơn La, ngày        tháng        năm 2026". We record the printed placeholder (number "/QĐ-UBND",
 * date null) instead of inventing them; a later correction event can fill them in from the signed copy.
 *
 * Phụ lục 01 prints "TỔNG 700" but its 75 rows add up to 703; the shares add up to exactly 100,00%;
 * Xã Xuân Nha (0,64% × 700 = 4,48) is printed as 5. `consistency` reports all three facts.
 */
export const sonLaProvinceCode = "14"
export const sonLaSchemeId = "quota-plan:14:scheme:2025-2030"
export const sonLa2026PlanId = "quota-plan:14:2026"

export const sonLaScheme20252030Basis: PrintedLegalBasis = {
  number: "2553/ĐA-UBND",
  date: "2025-10-14",
  issuer: "UBND tỉnh Sơn La",
  title: "Đề án đưa người lao động của tỉnh Sơn La đi làm việc ở nước ngoài theo hợp đồng giai đoạn 2025-2030",
}

export const sonLa2026Basis: PrintedLegalBasis = {
  number: "/QĐ-UBND",
  date: null,
  issuer: "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
  title:
    "Về việc ban hành Kế hoạch và giao chỉ tiêu đưa người lao động của tỉnh Sơn La đi làm việc ở nước ngoài năm 2026",
  printed: "Số:           /QĐ-UBND — Sơn La, ngày        tháng        năm 2026",
}

/** The scheme is cited by the 2026 plan; its own targets are not in the seeds, so none are recorded. */
export const sonLaScheme20252030: IssueScheme = {
  _tag: "IssueScheme",
  planId: sonLaSchemeId,
  provinceCode: sonLaProvinceCode,
  title: "Đề án đưa người lao động của tỉnh Sơn La đi làm việc ở nước ngoài theo hợp đồng giai đoạn 2025-2030",
  fromYear: 2025,
  toYear: 2030,
  targets: [],
  legalBasis: sonLaScheme20252030Basis,
}

export const sonLa2026Targets: ReadonlyArray<Target> = [
  {
    kind: "departures",
    value: 700,
    comparator: "target",
    aggregation: "year",
    byYear: 2026,
    printed:
      "Năm 2026, toàn tỉnh phấn đấu đưa 700 người lao động đi làm việc ở nước ngoài (có biểu giao chỉ tiêu cho 75 xã, phường tại Phụ lục 01 gửi kèm theo).",
  },
  {
    kind: "trained-before-departure-share",
    value: 100,
    comparator: "target",
    aggregation: "year",
    byYear: 2026,
    printed:
      "100% người lao động tham gia chương trình được đào tạo ngoại ngữ, giáo dục định hướng và tư vấn pháp luật đầy đủ trước khi xuất cảnh; bảo đảm người lao động chấp hành nghiêm các quy định của pháp luật Việt Nam và pháp luật của nước tiếp nhận lao động.",
  },
  {
    kind: "communes-with-departures-share",
    value: 100,
    comparator: "target",
    aggregation: "year",
    byYear: 2026,
    printed: "Phấn đấu 100% các xã, phường của tỉnh đều có lao động đi làm việc ở nước ngoài.",
  },
]

/** The printed total row of Phụ lục 01 ("TỔNG … 700"). */
export const sonLa2026PrintedTotal = 700

/**
 * Phụ lục 01, rows 1–75 in printed order: [unit code, name as printed, share % as printed, head-count].
 * Codes from the admin-unit list of 1 July 2025 (matched by name within province 14).
 */
export const sonLa2026Rows: ReadonlyArray<readonly [string, string, string, number]> = [
  ["03646", "Phường Tô Hiệu", "3,46", 24],
  ["03664", "Phường Chiềng An", "1,87", 13],
  ["03670", "Phường Chiềng Cơi", "1,48", 10],
  ["03679", "Phường Chiềng Sinh", "1,87", 13],
  ["03980", "Phường Mộc Châu", "1,54", 11],
  ["03979", "Phường Mộc Sơn", "0,99", 7],
  ["04033", "Phường Vân Sơn", "1,18", 8],
  ["03982", "Phường Thảo Nguyên", "1,68", 12],
  ["04000", "Xã Đoàn Kết", "0,95", 7],
  ["04045", "Xã Lóng Sập", "0,74", 5],
  ["03985", "Xã Chiềng Sơn", "0,50", 4],
  ["03997", "Xã Tân Yên", "1,42", 10],
  ["04048", "Xã Vân Hồ", "1,91", 13],
  ["04006", "Xã Song Khủa", "1,26", 9],
  ["04018", "Xã Tô Múa", "1,16", 8],
  ["04057", "Xã Xuân Nha", "0,64", 5],
  ["03703", "Xã Quỳnh Nhai", "2,14", 15],
  ["03688", "Xã Mường Chiên", "0,80", 6],
  ["03694", "Xã Mường Giôn", "0,82", 6],
  ["03712", "Xã Mường Sại", "0,72", 5],
  ["03721", "Xã Thuận Châu", "3,28", 23],
  ["03754", "Xã Chiềng La", "1,51", 11],
  ["03784", "Xã Nậm Lầu", "1,43", 10],
  ["03799", "Xã Muổi Nọi", "1,12", 8],
  ["03757", "Xã Mường Khiêng", "1,74", 12],
  ["03781", "Xã Co Mạ", "0,85", 6],
  ["03724", "Xã Bình Thuận", "1,25", 9],
  ["03727", "Xã Mường É", "1,19", 8],
  ["03763", "Xã Long Hẹ", "0,59", 4],
  ["03760", "Xã Mường Bám", "0,76", 5],
  ["03808", "Xã Mường La", "2,52", 18],
  ["03814", "Xã Chiềng Lao", "1,64", 11],
  ["03847", "Xã Mường Bú", "1,60", 11],
  ["03850", "Xã Chiềng Hoa", "1,32", 9],
  ["03820", "Xã Ngọc Chiến", "0,87", 6],
  ["03856", "Xã Bắc Yên", "1,75", 12],
  ["03868", "Xã Tà Xùa", "0,42", 3],
  ["03880", "Xã Tạ Khoa", "1,20", 8],
  ["03862", "Xã Xím Vàng", "0,46", 3],
  ["03871", "Xã Pắc Ngà", "1,08", 8],
  ["03892", "Xã Chiềng Sại", "0,54", 4],
  ["03910", "Xã Phù Yên", "3,11", 22],
  ["03922", "Xã Gia Phù", "1,67", 12],
  ["03958", "Xã Tường Hạ", "0,95", 7],
  ["03907", "Xã Mường Cơi", "1,14", 8],
  ["03943", "Xã Mường Bang", "0,91", 6],
  ["03970", "Xã Tân Phong", "0,44", 3],
  ["03961", "Xã Kim Bon", "0,70", 5],
  ["03901", "Xã Suối Tọ", "0,54", 4],
  ["04075", "Xã Yên Châu", "2,08", 15],
  ["04078", "Xã Chiềng Hặc", "1,29", 9],
  ["04096", "Xã Lóng Phiêng", "0,73", 5],
  ["04087", "Xã Yên Sơn", "0,80", 6],
  ["04099", "Xã Phiêng Khoài", "0,89", 6],
  ["04132", "Xã Chiềng Mai", "1,94", 14],
  ["04105", "Xã Mai Sơn", "3,40", 24],
  ["04159", "Xã Phiêng Pằn", "1,87", 13],
  ["04123", "Xã Chiềng Mung", "2,27", 16],
  ["04144", "Xã Phiêng Cằm", "0,96", 7],
  ["04117", "Xã Mường Chanh", "0,83", 6],
  ["04136", "Xã Tà Hộc", "1,06", 7],
  ["04108", "Xã Chiềng Sung", "1,15", 8],
  ["04171", "Xã Bó Sinh", "1,17", 8],
  ["04222", "Xã Chiềng Khương", "1,20", 8],
  ["04219", "Xã Mường Hung", "1,82", 13],
  ["04204", "Xã Chiềng Khoong", "1,52", 11],
  ["04183", "Xã Mường Lầm", "1,39", 10],
  ["04186", "Xã Nậm Ty", "1,16", 8],
  ["04168", "Xã Sông Mã", "1,93", 14],
  ["04210", "Xã Huổi Một", "0,88", 6],
  ["04195", "Xã Chiềng Sơ", "1,36", 10],
  ["04231", "Xã Sốp Cộp", "2,02", 14],
  ["04228", "Xã Púng Bánh", "1,43", 10],
  ["04246", "Xã Mường Lạn", "0,82", 6],
  ["04240", "Xã Mường Lèo", "0,32", 2],
]

export const sonLa2026Allocations: ReadonlyArray<Allocation> = sonLa2026Rows.map(([code, name, share, count]) =>
  allocation(code, name, share, count),
)

export const sonLa2026Plan: IssuePlan = {
  _tag: "IssuePlan",
  planId: sonLa2026PlanId,
  schemeId: sonLaSchemeId,
  provinceCode: sonLaProvinceCode,
  year: 2026,
  title:
    "Kế hoạch triển khai thực hiện Đề án số 2553/ĐA-UBND ngày 14/10/2025 của Ủy ban nhân dân tỉnh và giao chỉ tiêu đưa người lao động của tỉnh Sơn La đi làm việc ở nước ngoài năm 2026",
  targets: sonLa2026Targets,
  allocations: sonLa2026Allocations,
  printedTotal: sonLa2026PrintedTotal,
  legalBasis: sonLa2026Basis,
}

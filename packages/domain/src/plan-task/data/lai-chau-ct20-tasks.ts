import { laiChauProgrammeId } from "../../quota-plan/data/lai-chau-directive-20.ts"
import type { AssignPlanTask } from "../commands.ts"

/**
 * Lai Châu — seed 004, the Party Standing Committee's Chương trình hành động on Directive 20, part IV (Tổ chức thực
 * hiện): three items, each naming its bodies in its first words (the lead below is that phrase). Item 1 is due
 * "trong tháng 4/2023"; the others print no time frame. Ids: `plan-task:12:ct20:IV.<item>`.
 */
const leads: Readonly<Record<string, readonly [printed: string, codes: ReadonlyArray<string>]>> = {
  "1": [
    "Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc",
    ["CAP-UY"],
  ],
  "2": ["Ban cán sự đảng UBND tỉnh", ["UBND-TINH"]],
  "3": ["Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh, Ban Thường vụ Tỉnh đoàn", ["MTTQ"]],
}

/** [key as printed (item.letter or item.bullet), item, content as printed, time frame] */
const rows: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    "1",
    "1",
    "Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc quán triệt, tuyên truyền Chỉ thị số 20-CT/TW và Chương trình hành động này tới toàn thể cán bộ, đảng viên, công chức, viên chức và nhân dân; ban hành Kế hoạch triển khai thực hiện phù hợp với chức năng, nhiệm vụ được giao (hoàn thành trong tháng 4/2023).",
    "Tháng 4/2023",
  ],
  [
    "2",
    "2",
    "Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo triển khai thực hiện Nghị quyết và Chương trình hành động này gắn với việc thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm của tỉnh; thường xuyên kiểm tra, đôn đốc việc thực hiện; định kỳ sơ kết, tổng kết, báo cáo Ban Thường vụ Tỉnh ủy.",
    "Không ghi thời hạn",
  ],
  [
    "3",
    "3",
    "Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh, Ban Thường vụ Tỉnh đoàn tăng cường tuyên truyền, vận động đoàn viên, hội viên và nhân dân về mục tiêu, nhiệm vụ và giải pháp trong Chỉ thị số 20-CT/TW và Chương trình hành động này, tạo sự đồng thuận cao trong triển khai thực hiện.",
    "Không ghi thời hạn",
  ],
]

export const laiChauCt20TaskCommands: ReadonlyArray<AssignPlanTask> = rows.map(
  ([key, item, content, timeFrameLabel], i) => {
    const [printed, agencyCodes] = leads[item] ?? ["", []]
    return {
      _tag: "AssignPlanTask",
      taskId: `plan-task:12:ct20:IV.${key}`,
      planId: laiChauProgrammeId,
      planYear: 2023,
      group: "IV",
      groupTitle: "TỔ CHỨC THỰC HIỆN",
      number: i + 1,
      content,
      lead: { printed, agencyCodes },
      coordinating: { printed: "", agencyCodes: [] },
      timeFrameLabel,
    }
  },
)

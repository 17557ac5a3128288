import { sonLaSchemeId } from "../../quota-plan/data/son-la-2026.ts"
import type { AssignPlanTask } from "../commands.ts"

/**
 * Sơn La — seed 000, Thông báo /TB-VPUB (2025) of the Vice-Chairman's conclusions on the 2025–2030 scheme, part II
 * (Tổ chức thực hiện): each lettered item assigned to the agency heading it, as printed. Only "trước ngày 15/01/2026"
 * is printed as a time frame (items 1.a, 3.a, 6.a); the others print none ("Không ghi thời hạn"). The notice
 * implements the scheme, so its tasks belong to the scheme. Ids keep the printed letters (đ → dd):
 * `plan-task:14:tb-2025:II.2.dd`.
 */
const leads: Readonly<Record<string, readonly [printed: string, codes: ReadonlyArray<string>]>> = {
  "1": ["Các Sở, ngành, cơ quan, đơn vị theo nhiệm vụ được giao tại Đề án", ["SO-NGANH"]],
  "2": ["Sở Nội vụ", ["SNV"]],
  "3": ["Báo và Phát thanh, Truyền hình tỉnh", ["BAO-PTTH"]],
  "4": ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh", ["NHCSXH"]],
  "5": [
    "Các trường: Đại học Tây Bắc, Cao đẳng Sơn La, Cao đẳng Y tế, Cao đẳng kỹ thuật công nghệ Sơn La",
    ["DHTB", "CDSL", "CDYTSL", "CDKTCNSL"],
  ],
  "6": ["UBND các xã, phường", ["UBND-XA"]],
  "7": [
    "Đề nghị các doanh nghiệp hoạt động dịch vụ đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
    ["DN-DV"],
  ],
}

/** [key as printed (item.letter or item.bullet), item, content as printed, time frame] */
const rows: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    "1.a",
    "1",
    "Xây dựng kế hoạch triển khai thực hiện Đề án đảm bảo “rõ người, rõ việc, rõ tiến độ, rõ kết quả, rõ trách nhiệm”, hoàn thành, báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp) trước ngày 15/01/2026.",
    "Trước ngày 15/01/2026",
  ],
  [
    "1.b",
    "1",
    "Tập trung đẩy mạnh công tác thông tin, tuyên truyền; triển khai các nhiệm vụ công tác đưa người lao động đi làm việc ở nước ngoài. Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp), để tham mưu chỉ đạo thực hiện theo quy định.",
    "Không ghi thời hạn",
  ],
  [
    "2.a",
    "2",
    "Là cơ quan chủ trì, đầu mối tham mưu UBND tỉnh tổ chức triển khai thực hiện Đề án, có trách nhiệm hướng dẫn, đôn đốc, kiểm tra, tổng hợp tình hình và định kỳ báo cáo UBND tỉnh; đồng thời phối hợp với các cơ quan, đơn vị, doanh nghiệp liên quan trong và ngoài tỉnh để thực hiện hiệu quả các nhiệm vụ của Đề án.",
    "Không ghi thời hạn",
  ],
  [
    "2.b",
    "2",
    "Tiếp tục hoàn thiện hồ sơ, tham mưu UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết quy định chính sách hỗ trợ người lao động và tạo nguồn lao động đi làm việc ở nước ngoài theo hợp đồng giai đoạn 2025-2030.",
    "Không ghi thời hạn",
  ],
  [
    "2.c",
    "2",
    "Nghiên cứu, tham mưu cho UBND tỉnh triển khai thực hiện ký kết Thỏa thuận hợp tác với các địa phương của Hàn Quốc để đưa người lao động đi làm việc thời vụ tại Hàn Quốc.",
    "Không ghi thời hạn",
  ],
  [
    "2.d",
    "2",
    "Tiếp tục phối hợp với các sở, ban, ngành, địa phương liên quan đổi mới, hoàn thiện hệ thống phát triển thông tin thị trường lao động, kết nối thông tin về cung - cầu lao động; triển khai thực hiện có hiệu quả các chính sách hỗ trợ cho người lao động để chuẩn bị nguồn nhân lực đáp ứng yêu cầu của thị trường lao động ngoài nước.",
    "Không ghi thời hạn",
  ],
  [
    "2.dd",
    "2",
    "Rà soát, lựa chọn các doanh nghiệp có uy tín, đủ điều kiện pháp lý và có năng lực hoạt động trong lĩnh vực đưa người lao động đi làm việc ở nước ngoài theo hợp đồng để các đơn vị, địa phương và người dân biết, lựa chọn thị trường khi tham gia.",
    "Không ghi thời hạn",
  ],
  [
    "2.e",
    "2",
    "Tăng cường công tác quản lý nhà nước để kịp thời phát hiện, xử lý hoặc kiến nghị xử lý những trường hợp vi phạm trong hoạt động đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "3.a",
    "3",
    "Chủ trì, phối hợp với Sở Nội vụ hoàn thiện phóng sự tuyên truyền về đưa người lao động đi làm việc ở nước ngoài, gửi UBND các xã, phường trước ngày 15/01/2026 để thông tin tuyên truyền đến người lao động.",
    "Trước ngày 15/01/2026",
  ],
  [
    "3.b",
    "3",
    "Tiếp tục xây dựng các chuyên trang, chuyên mục, tin bài, phóng sự,...bằng các thứ tiếng (Kinh, Thái, Mông,...) phát trên sóng phát thanh và truyền hình địa phương cùng các tin, bài, phóng sự trên các nền tảng về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "4.a",
    "4",
    "Hỗ trợ người lao động đi làm việc ở nước ngoài vay vốn theo quy định. Triển khai thực hiện hiệu quả chính sách tín dụng đối với người lao động đi làm việc ở nước ngoài theo hợp đồng. Hướng dẫn, tạo điều kiện cho người lao động về hồ sơ, phương thức, thủ tục vay vốn, kịp thời giải ngân nguồn vốn cho người lao động vay đi làm việc ở nước ngoài theo hợp đồng. Tiếp nhận thông tin và giải quyết kịp thời các vấn đề vướng mắc, phát sinh về vay vốn của người lao động và các doanh nghiệp tuyển dụng lao động.",
    "Không ghi thời hạn",
  ],
  [
    "4.b",
    "4",
    "Phối hợp với Sở Nội vụ, Sở Tài chính tham mưu cấp có thẩm quyền xem xét, bổ sung nguồn vốn ngân sách tỉnh ủy thác qua Ngân hàng Chính sách xã hội để cho người lao động vay vốn đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "5.a",
    "5",
    "Xây dựng các hoạt động đào tạo nghề, ngoại ngữ cho học sinh, sinh viên lồng ghép trong Kế hoạch triển khai thực hiện nhiệm vụ đào tạo hằng năm để tạo nguồn lao động phục vụ công tác đưa người lao động của tỉnh đi làm việc ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "5.b",
    "5",
    "Thường xuyên rà soát, phối hợp với các doanh nghiệp liên kết đào tạo nâng cao trình độ tay nghề, kỹ năng; đào tạo lao động theo đặt hàng của doanh nghiệp và thị trường lao động; phối hợp với Trung tâm Dịch vụ việc làm tỉnh tổ chức tư vấn hướng nghiệp, tìm việc làm và tham gia đi làm việc ở nước ngoài theo Đề án.",
    "Không ghi thời hạn",
  ],
  [
    "6.a",
    "6",
    "Xây dựng Kế hoạch thực hiện Đề án đưa người lao động đi làm việc ở nước ngoài giai đoạn 2025-2030 và hằng năm; đưa chỉ tiêu xuất khẩu lao động vào Chương trình hành động của cấp ủy và Kế hoạch phát triển kinh tế - xã hội của địa phương, bảo đảm hoàn thành các chỉ tiêu theo Đề án của UBND tỉnh giao. Kế hoạch thực hiện giai đoạn 2025 - 2030 và năm 2026 gửi Sở Nội vụ để tổng hợp và báo cáo UBND tỉnh trước ngày 15/01/2026.",
    "Trước ngày 15/01/2026",
  ],
  [
    "6.b",
    "6",
    "Tăng cường quản lý lao động trên địa bàn, đẩy mạnh tuyên truyền, vận động và tạo điều kiện cho doanh nghiệp tư vấn, tuyển chọn; hướng dẫn, xác nhận hồ sơ, thủ tục và vay vốn cho người lao động; thường xuyên theo dõi, giáo dục, động viên người lao động chấp hành nghiêm hợp đồng lao động, vận động gia đình phối hợp quản lý, phòng ngừa cư trú, làm việc bất hợp pháp; đồng thời phối hợp ngăn chặn, xử lý kịp thời các hành vi môi giới, lừa đảo, thu tiền trái quy định.",
    "Không ghi thời hạn",
  ],
  [
    "6.c",
    "6",
    "Chỉ đạo các đồng chí Trưởng bản, thôn, tổ dân phố, tiểu khu trên địa bàn phát huy vai trò trong tuyên truyền, vận động Nhân dân, đặc biệt là thanh niên và lao động trong độ tuổi, để hiểu đúng, đầy đủ về chủ trương đưa lao động đi làm việc ở nước ngoài; phối hợp với UBND xã, phường, các đoàn thể và doanh nghiệp trong việc rà soát, tạo nguồn lao động, phản ánh kịp thời khó khăn, vướng mắc và nguyện vọng của Nhân dân, góp phần triển khai hiệu quả chủ trương của tỉnh, mang lại lợi ích thiết thực cho người lao động và gia đình.",
    "Không ghi thời hạn",
  ],
  [
    "7.a",
    "7",
    "Phối hợp chặt chẽ các cơ quan, đơn vị và địa phương trên địa bàn tỉnh Sơn La trong công tác tuyên truyền, tư vấn, tuyển chọn, đào tạo và quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng; thực hiện nghiêm các quy định pháp luật, đảm bảo minh bạch thông tin, công khai đầy đủ quyền lợi, nghĩa vụ, điều kiện làm việc và các khoản chi phí của người lao động, không để xảy ra tình trạng thu phí trái quy định hay môi giới bất hợp pháp.",
    "Không ghi thời hạn",
  ],
  [
    "7.b",
    "7",
    "Thực hiện đầy đủ trách nhiệm quản lý, hỗ trợ và bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động trong suốt quá trình làm việc ở nước ngoài; kịp thời thông tin, phối hợp với các cơ quan chức năng của tỉnh để xử lý các vấn đề phát sinh liên quan đến người lao động.",
    "Không ghi thời hạn",
  ],
]

export const sonLaNotice2025TaskCommands: ReadonlyArray<AssignPlanTask> = rows.map(
  ([key, item, content, timeFrameLabel], i) => {
    const [printed, agencyCodes] = leads[item] ?? ["", []]
    return {
      _tag: "AssignPlanTask",
      taskId: `plan-task:14:tb-2025:II.${key}`,
      planId: sonLaSchemeId,
      planYear: 2025,
      group: "II",
      groupTitle: "TỔ CHỨC THỰC HIỆN",
      number: i + 1,
      content,
      lead: { printed, agencyCodes },
      coordinating: { printed: "", agencyCodes: [] },
      timeFrameLabel,
    }
  },
)

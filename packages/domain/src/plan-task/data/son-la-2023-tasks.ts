import { sonLa2023PlanId } from "../../quota-plan/data/son-la-2023.ts"
import type { AssignPlanTask } from "../commands.ts"

/**
 * Sơn La 2023 — seed 003, Kế hoạch 113/KH-UBND of 28/04/2023 (Directive 20), part III "Tổ chức thực hiện": thirteen
 * items, one a body (a department, the police, the bank's branch, the districts, the press, the enterprises, the
 * Front), its content as printed with its bullets ("- …"). The document prints no time frame for any of them
 * ("Không ghi thời hạn": ongoing, never overdue, ADR 0022). Ids: `plan-task:14:2023:III.<item>`.
 */
const rows: ReadonlyArray<readonly [item: number, lead: string, codes: ReadonlyArray<string>, content: string]> = [
  [
    1,
    "Sở Lao động - Thương binh và Xã hội",
    ["SLDTBXH"],
    "- Tăng cường công tác thông tin, tuyên truyền nâng cao nhận thức của người lao động đi làm việc ở nước ngoài theo hợp đồng. - Cung cấp thông tin về thị trường lao động ngoài nước có thu nhập cao, doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng có uy tín để người lao động trên địa bàn tỉnh lựa chọn. - Tham mưu UBND tỉnh thực hiện các chính sách, hỗ trợ đào tạo, bồi dưỡng chuyên môn, kỹ năng nghề, ngoại ngữ cho người lao động, ưu tiên quân nhân xuất ngũ, người dân tộc thiểu số, hộ nghèo vùng sâu, vùng xa, vùng đặc biệt khó khăn; sử dụng hiệu quả nguồn nhân lực khi hết thời hạn làm việc ở nước ngoài trở về tham gia thị trường lao động trong và ngoài tỉnh. - Nâng cao năng lực, hiệu quả quản lý nhà nước về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài. Tăng cường công tác thanh tra, kiểm tra, giám sát, đánh giá kết quả thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước đối với công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài kịp thời phát hiện và xử lý nghiêm các hành vi vi phạm pháp luật. - Xây dựng, nâng cấp, hoàn thiện đồng bộ hệ thống cơ sở dữ liệu người lao động của tỉnh đi làm việc ở nước ngoài với cơ sở dữ liệu quốc gia về lao động và cơ sở dữ liệu quốc gia về dân cư, chia sẻ và bảo mật thông tin theo quy định của pháp luật.",
  ],
  [
    2,
    "Sở Kế hoạch và Đầu tư",
    ["SKHDT"],
    "Phối hợp các sở, ngành đơn vị, địa phương có liên quan tổng hợp chỉ tiêu, kế hoạch đưa người lao động đi làm việc ở nước ngoài gắn với định hướng, kế hoạch phát triển kinh tế - xã hội của tỉnh.",
  ],
  [
    3,
    "Sở Tài chính",
    ["STC"],
    "Căn cứ nguồn ngân sách Trung ương bổ sung có mục tiêu cho ngân sách địa phương hàng năm, tham mưu trình UBND tỉnh phân bổ kinh phí để thực hiện Kế hoạch theo quy định của Luật Ngân sách và các văn bản hướng dẫn hiện hành.",
  ],
  [
    4,
    "Sở Y tế",
    ["SYT"],
    "Chỉ đạo các cơ sở khám bệnh, chữa bệnh đủ điều kiện khám sức khỏe có yếu tố nước ngoài thực hiện khám sức khỏe cho người lao động đi làm việc có thời hạn ở nước ngoài theo đúng quy định.",
  ],
  [
    5,
    "Sở Tư pháp",
    ["STP"],
    "- Tăng cường phổ biến pháp luật về đưa người Việt Nam đi làm việc ở nước ngoài theo hợp đồng đến người lao động - Tạo điều kiện thuận lợi trong việc cung cấp lý lịch tư pháp cho người lao động của tỉnh khi đi làm việc ở nước ngoài theo hợp đồng.",
  ],
  [
    6,
    "Sở Ngoại vụ",
    ["SNGV"],
    "Chủ trì, phối hợp với các sở, ban, ngành, địa phương của tỉnh, các cơ quan ngoại giao trong và ngoài nước thực hiện tốt công tác bảo hộ công dân của tỉnh ở nước ngoài phù hợp với các cam kết, điều ước quốc tế mà Việt Nam đã tham gia.",
  ],
  [
    7,
    "Công an tỉnh",
    ["CA-TINH"],
    "- Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội và các Sở, ban, ngành trong việc phát hiện, đấu tranh ngăn chặn và xử lý nghiêm các tổ chức, cá nhân có hành vi vi phạm pháp luật trong hoạt động dịch vụ việc làm; đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng. - Chủ động đấu tranh, phòng ngừa, ngăn chặn sự chống phá của các thế lực thù địch liên quan đến công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài. - Phối hợp với các Sở, ngành, đơn vị liên quan tiếp tục thực hiện nghiêm túc, hiệu quả Chỉ thị số 01/CT-TTg ngày 03/5/2018 của Thủ tướng Chính phủ về tăng cường phòng ngừa, đấu tranh, ngăn chặn tình trạng công dân xuất cảnh, cư trú và lao động bất hợp pháp, vi phạm pháp luật ở nước ngoài.",
  ],
  [
    8,
    "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
    ["NHCSXH"],
    "- Chủ trì xây dựng, quản lý, thực hiện tăng cường huy động nguồn vốn từ Quỹ quốc gia Tạo việc làm và nguồn vốn khác để đáp ứng kịp thời cho các cơ sở sản xuất kinh doanh, các hộ gia đình, người lao động có nhu cầu vay vốn để sản xuất kinh doanh, Tạo việc làm, đi làm việc ở nước ngoài theo hợp đồng. Hướng dẫn người vay vốn xây dựng dự án, lập hồ sơ vay vốn, thẩm định dự án và trình cấp có thẩm quyền phê duyệt, thực hiện giải ngân và thu hồi nợ; đồng thời chịu trách nhiệm kiểm tra, giám sát hiệu quả sử dụng vốn của người vay. - Tham mưu đề xuất các biện pháp huy động vốn, giải quyết chính sách việc làm cho người lao động; Phối hợp xây dựng và củng cố các Tổ Tiết kiệm và vay vốn tại cơ sở để nâng cao hiệu quả công tác tín dụng cho vay hỗ trợ tạo việc làm, duy trì và mở rộng việc làm.",
  ],
  [
    9,
    "Các Sở, ban, ngành của tỉnh",
    ["SO-NGANH"],
    "Triển khai thực hiện Kế hoạch phù hợp theo chức năng, nhiệm vụ và tình hình thực tế của cơ quan, đơn vị; xây dựng kế hoạch hành động của Sở, ban, ngành, lồng ghép triển khai thực hiện có hiệu quả; đồng thời tham mưu UBND tỉnh điều hành, chỉ đạo, kiểm tra, hướng dẫn, đôn đốc các ngành, địa phương, doanh nghiệp thực hiện.",
  ],
  [
    10,
    "Ủy ban nhân dân các huyện, thành phố",
    ["UBND-HUYEN"],
    "- Tăng cường công tác tuyên truyền, giáo dục, nâng cao nhận thức của các cấp uỷ đảng, chính quyền, cán bộ, đảng viên, người lao động và toàn xã hội về vai trò, tầm quan trọng của công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài. - Xác định công tác đưa người lao động đi làm việc ở nước ngoài là góp phần phát triển kinh tế - xã hội tạo việc làm, tăng thu nhập cho người lao động, nhất là lao động ở nông thôn, địa bàn đặc biệt khó khăn. - Tạo điều kiện thuận lợi cho các doanh nghiệp tạo nguồn, tuyển chọn lao động động địa phương đi làm việc ở nước ngoài bảo đảm công khai, minh bạch các khoản phí theo quy định của pháp luật. Lựa chọn những thị trường lao động có thu nhập cao, an toàn để thông tin cho người lao động trên địa bàn địa phương. - Có chính sách hỗ trợ đào tạo, bồi dưỡng chuyên môn, kỹ năng nghề, ngoại ngữ cho người lao động, ưu tiên quân nhân xuất ngũ, người dân tộc thiểu số, hộ nghèo vùng sâu, vùng xa, vùng đặc biệt khó khăn. - Nâng cao năng lực, hiệu lực, hiệu quả quản lý nhà nước về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài. - Chỉ đạo cơ quan liên quan chủ động đấu tranh, phòng ngừa, ngăn chặn sự chống phá của các thế lực thù địch liên quan đến công tác đưa người lao động đi làm việc ở nước ngoài. - Tăng cường công tác thanh tra, kiểm tra, giám sát, đánh giá kết quả thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước đối với công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài. Nâng cao năng lực lãnh đạo, sức chiến đấu của các tổ chức đảng ngoài nước; quản lý chặt chẽ đảng viên là người lao động Việt Nam làm việc ở nước ngoài. Phát huy vai trò của Uỷ ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội trong giám sát thực hiện công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài; kịp thời phát hiện và xử lý nghiêm các cơ quan, tổ chức, doanh nghiệp, cá nhân vi phạm pháp luật.",
  ],
  [
    11,
    "Báo Sơn La, Đài Phát thanh - Truyền hình tỉnh",
    ["BAO-DAI"],
    "Chủ trì, phối hợp với các Sở, ban, ngành đưa tin, bài, phóng sự tuyên truyền các hoạt động và chính sách về công tác tạo việc làm và đi làm việc ở nước ngoài theo hợp đồng của tỉnh.",
  ],
  [
    12,
    "Các đơn vị, doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
    ["DN-DV"],
    "- Lựa chọn những thị trường lao động có thu nhập cao, an toàn để thông tin, tạo nguồn, tuyển chọn lao động trên địa bàn địa phương đi làm việc ở nước ngoài theo hợp đồng. - Tuyển chọn lao động đi làm việc ở nước ngoài phải bảo đảm công khai, minh bạch các khoản phí theo quy định của pháp luật. - Phối hợp với các cơ sở giáo dục nghề nghiệp trên địa bàn tỉnh đổi mới, nâng cao chất lượng giáo dục - đào tạo, kỹ năng nghề, ngoại ngữ, pháp luật, văn hoá, phong tục tập quán của các nước để tạo nguồn, tuyển chọn lao động có tay nghề bậc cao đi làm việc ở nước ngoài theo hợp đồng đáp ứng yêu cầu của thị trường lao động trong tình hình mới.",
  ],
  [
    13,
    "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh",
    ["MTTQ"],
    "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị- xã hội tỉnh phối hợp hướng dẫn Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam và tổ chức chính trị - xã hội các cấp đẩy mạnh công tác thông tin, tuyên truyền lồng ghép, phổ biến kiến thức pháp luật về đưa người Việt Nam đi làm việc ở nước ngoài đến các đoàn viên, hội viên của tổ chức mình.",
  ],
]

export const sonLa2023TaskCommands: ReadonlyArray<AssignPlanTask> = rows.map(
  ([item, printed, agencyCodes, content]) => ({
    _tag: "AssignPlanTask",
    taskId: `plan-task:14:2023:III.${item}`,
    planId: sonLa2023PlanId,
    planYear: 2023,
    group: "III",
    groupTitle: "TỔ CHỨC THỰC HIỆN",
    number: item,
    content,
    lead: { printed, agencyCodes },
    coordinating: { printed: "", agencyCodes: [] },
    timeFrameLabel: "Không ghi thời hạn",
  }),
)

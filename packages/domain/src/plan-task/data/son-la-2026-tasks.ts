import type { AssignPlanTask } from "../commands.ts"
import type { TaskGroup } from "../events.ts"

/**
 * Sơn La 2026, Phụ lục 02 (seed 001): every task as printed — group, number, content, lead agency,
 * coordinating agencies, time frame. Line breaks of the PDF text are joined with single spaces; spelling is
 * kept as printed (e.g. "tuyên tuyền" in IV.3). Agency codes refer to reference/agencies.ts.
 */
export const sonLa2026TaskPlanId = "quota-plan:14:2026"
export const sonLa2026TaskPlanYear = 2026

export const sonLa2026TaskGroups: Readonly<Record<TaskGroup, string>> = {
  I: "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp; vai trò trách nhiệm của hệ thống chính trị và các tầng lớp Nhân dân trong công tác đưa người lao động đi làm việc ở nước ngoài",
  II: "Đẩy mạnh công tác thông tin tuyên truyền, giáo dục, nâng cao nhận thức về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
  III: "Nâng cao hiệu quả công tác quản lý nhà nước về công tác đưa người lao động đi làm việc ở nước ngoài",
  IV: "Đào tạo, nâng cao chất lượng lao động, tạo nguồn lao động đi làm việc ở nước ngoài theo hợp đồng",
  V: "Nâng cao năng lực đội ngũ cán bộ, công chức, viên chức triển khai công tác đưa lao động đi làm việc ở nước ngoài",
  VI: "Đẩy mạnh hợp tác quốc tế trong lĩnh vực đưa người lao động đi làm việc ở nước ngoài",
  VII: "Tăng cường công tác quản lý, kiểm tra, giám sát tình hình đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
  VIII: "Triển khai thực hiện các chính sách hỗ trợ người lao động đi làm việc ở nước ngoài",
  IX: "Hỗ trợ người lao động đi làm việc ở nước ngoài sau khi kết thúc hợp đồng trở về địa phương",
}

type Cell = readonly [printed: string, codes: ReadonlyArray<string>]

const related: Cell = ["Các cơ quan, đơn vị có liên quan", ["LIEN-QUAN"]]
const relatedNoComma: Cell = ["Các cơ quan đơn vị có liên quan", ["LIEN-QUAN"]]
const departmentsCommunesRelated: Cell = [
  "Các sở, ban, ngành; UBND cấp xã và các cơ quan, đơn vị có liên quan",
  ["SO-NGANH", "UBND-XA", "LIEN-QUAN"],
]
const schools: Cell = [
  "Sở Giáo dục và Đào tạo; các trường: Đại học Tây Bắc, Cao đẳng Sơn La, Cao đẳng Y tế, Cao đẳng Kỹ thuật công nghệ Sơn La",
  ["SGDDT", "DHTB", "CDSL", "CDYTSL", "CDKTCNSL"],
]
const snvCommunes: Cell = ["Sở Nội vụ; UBND cấp xã", ["SNV", "UBND-XA"]]
const snv: Cell = ["Sở Nội vụ", ["SNV"]]
const communes: Cell = ["UBND cấp xã", ["UBND-XA"]]
const police: Cell = ["Công an tỉnh", ["CA-TINH"]]
const jobCentreCommunes: Cell = ["Trung tâm Dịch vụ việc làm, Sở Nội vụ; UBND cấp xã", ["TTDVVL", "UBND-XA"]]

/** [group, number, content, lead, coordinating, time frame as printed] */
export const sonLa2026TaskRows: ReadonlyArray<readonly [TaskGroup, number, string, Cell, Cell, string]> = [
  [
    "I",
    1,
    "Tham mưu cho cấp ủy, chính quyền các cấp tăng cường lãnh đạo, chỉ đạo công tác đưa người lao động đi làm việc ở nước ngoài; đưa chỉ tiêu xuất khẩu lao động hằng năm trong Chương trình hành động của cấp ủy, Kế hoạch phát triển kinh tế - xã hội của UBND cấp tỉnh, cấp xã năm 2026",
    snvCommunes,
    ["Các sở, ban, ngành; các cơ quan đơn vị có liên quan", ["SO-NGANH", "LIEN-QUAN"]],
    "Năm 2026",
  ],
  [
    "I",
    2,
    "Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc giám sát thực hiện cơ chế, chính sách, chương trình, kế hoạch đưa người lao động trên địa bàn tỉnh đi làm việc ở nước ngoài để đảm bảo hiệu quả, đúng quy định của pháp luật",
    ["Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh", ["MTTQ"]],
    relatedNoComma,
    "Năm 2026",
  ],
  [
    "II",
    1,
    "Chỉ đạo các cơ quan báo chí tại địa phương tăng cường công tác thông tin, tuyên truyền chính sách, pháp luật về hoạt động đưa người lao động đi làm việc ở nước ngoài; xử lý các trang thông tin điện tử, trang mạng xã hội và các ứng dụng có hoạt động vi phạm pháp luật trong công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài theo phân cấp quản lý và chức năng, nhiệm vụ được giao",
    ["Sở Văn hoá, Thể thao và Du lịch", ["SVHTTDL"]],
    relatedNoComma,
    "Thường xuyên",
  ],
  [
    "II",
    2,
    "Xây dựng các chuyên trang, chuyên mục, tin bài, phóng sự tuyên truyền về công tác đưa người lao động đi làm việc ở nước ngoài trên Cổng thông tin điện tử/Trang thông tin điện tử của các cơ quan, đơn vị; tổ chức tuyên truyền bằng nhiều hình thức: qua các hội nghị, hệ thống thông tin ở cơ sở, tờ rơi, tờ gấp... đảm bảo nội dung rõ ràng, dễ tiếp cận, phù hợp với đặc điểm của từng cơ quan, đơn vị, địa phương.",
    ["Các sở, ban, ngành; UBND các xã, phường.", ["SO-NGANH", "UBND-XA"]],
    relatedNoComma,
    "Thường xuyên",
  ],
  [
    "II",
    3,
    "Xây dựng các chuyên trang, chuyên mục, tin bài, phóng sự bằng tiếng phổ thông và tiếng dân tộc (tiếng Thái, Mông,...) phát trên sóng phát thanh, truyền hình và trên các nền tảng số của Báo và Phát thanh, Truyền hình tỉnh và trên sóng phát thanh, truyền hình các địa phương.",
    ["Báo và Phát thanh, Truyền hình tỉnh", ["BAO-PTTH"]],
    ["Sở Nội vụ; UBND các xã, phường và các cơ quan, đơn vị có liên quan", ["SNV", "UBND-XA", "LIEN-QUAN"]],
    "Thường xuyên",
  ],
  [
    "II",
    4,
    "Tuyên truyền, định hướng cho học sinh, sinh viên về chủ trương, chính sách đưa người lao động đi làm việc ở nước ngoài theo hợp đồng; lồng ghép nội dung đi làm việc ở nước ngoài vào công tác tư vấn, hướng nghiệp cho học sinh THCS, THPT và sinh viên các trường đại học, cao đẳng trên địa bàn tỉnh (đặc biệt là học sinh, sinh viên cuối cấp), góp phần định hướng nghề nghiệp, mở rộng cơ hội việc làm cho học sinh, sinh viên sau khi tốt nghiệp.",
    schools,
    related,
    "Thường xuyên",
  ],
  [
    "II",
    5,
    "Thành lập Tổ tuyên truyền, vận động về xuất khẩu lao động ở cấp xã (gồm: lãnh đạo UBND, Ủy ban Mặt trận Tổ quốc và các đoàn thể cấp xã và Bí thư, Trưởng các bản trên địa bàn xã,…).",
    communes,
    ["Các tổ chức chính trị - xã hội và các cơ quan, đơn vị có liên quan", ["MTTQ", "LIEN-QUAN"]],
    "Tháng 1/2026",
  ],
  [
    "III",
    1,
    "Tổ chức thu thập, cập nhật, quản lý, phân tích và dự báo thông tin thị trường lao động; cung cấp kịp thời thông tin về tuyển chọn lao động theo từng thị trường, cung cấp các bản tin thị trường lao động định kỳ cho người lao động",
    ["Trung tâm Dịch vụ việc làm, Sở Nội vụ", ["TTDVVL"]],
    related,
    "Thường xuyên",
  ],
  [
    "III",
    2,
    "Rà soát, lựa chọn những đơn vị uy tín, có đầy đủ hồ sơ pháp lý và tạo điều kiện thuận lợi để các doanh nghiệp được phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài tham gia tư vấn, tuyển chọn lao động đi làm việc ở nước ngoài trên địa bàn",
    snvCommunes,
    related,
    "Thường xuyên",
  ],
  [
    "III",
    3,
    "Tăng cường công tác quản lý đối với người lao động đi làm việc ở nước ngoài; công tác bảo hộ công dân đối với lao động của tỉnh đi làm việc ở nước ngoài phù hợp với các cam kết, điều ước quốc tế mà Việt Nam tham gia",
    ["Sở Nội vụ; Sở Ngoại vụ; Công an tỉnh", ["SNV", "SNGV", "CA-TINH"]],
    related,
    "Thường xuyên",
  ],
  [
    "IV",
    1,
    "Chỉ đạo, xây dựng chương trình, kế hoạch tổ chức các khoá đào tạo, liên kết đào tạo ngoại ngữ, đào tạo nghề, bồi dưỡng nâng cao tay nghề cho học sinh, sinh viên; tư vấn, định hướng cho học sinh, sinh viên đăng ký đi làm việc ở nước ngoài theo hợp đồng",
    schools,
    related,
    "Năm 2026",
  ],
  [
    "IV",
    2,
    "Rà soát, thống kê danh sách người trong độ tuổi lao động có nguyện vọng đi làm việc ở nước ngoài gửi Trung tâm Dịch vụ việc làm để tư vấn, giới thiệu việc làm cho người lao động",
    ["UBND các cấp xã", ["UBND-XA"]],
    ["Trung tâm Dịch vụ việc làm; các cơ quan, đơn vị liên quan", ["TTDVVL", "LIEN-QUAN"]],
    "Thường xuyên",
  ],
  [
    "IV",
    3,
    "Tăng cường thông tin, tuyên tuyền, vận động người hoàn thành nghĩa vụ công an nhân dân, người nghiện ma túy sau cai nghiện hoàn thành chương trình điều trị, phục hồi chủ động tham gia học nghề, nâng cao kỹ năng nghề nghiệp để hướng tới tham gia chương trình đưa người lao động đi làm việc ở nước ngoài theo hợp đồng; Chỉ đạo Công an cấp xã lập danh sách người hoàn thành nghĩa vụ công an nhân dân, người cai nghiện trở về địa phương đã được hướng nghiệp dạy nghề tại Cơ sở cai nghiện và cung cấp danh sách cho các doanh nghiệp để lựa chọn người lao động, ngành nghề phù hợp, ký hợp đồng và đưa đi lao động ở nước ngoài",
    police,
    related,
    "Thường xuyên",
  ],
  [
    "IV",
    4,
    "Chủ trì, phối hợp với các địa phương rà soát tình hình bộ đội xuất ngũ, triển khai các hoạt động tư vấn hướng nghiệp, đào tạo nghề, đào tạo ngoại ngữ cho bộ đội xuất ngũ để đăng ký đi làm việc ở nước ngoài",
    ["Bộ Chỉ huy quân sự tỉnh", ["BCH-QS"]],
    related,
    "Thường xuyên",
  ],
  [
    "V",
    1,
    "Hướng dẫn, bồi dưỡng kiến thức chuyên môn, kỹ năng nghiệp vụ cho đội ngũ cán bộ, công chức, viên chức làm công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng bằng nhiều hình thức, bảo đảm phù hợp với điều kiện thực tiễn.",
    snv,
    departmentsCommunesRelated,
    "Thường xuyên",
  ],
  [
    "V",
    2,
    "Khuyến khích cán bộ, công chức, viên chức địa phương tham gia các đoàn học tập kinh nghiệm, hội thảo chuyên đề trong và ngoài nước về lĩnh vực lao động ngoài nước để nâng cao trình độ, tiếp cận xu hướng mới",
    ["Các sở, ban, ngành; UBND cấp xã", ["SO-NGANH", "UBND-XA"]],
    related,
    "Thường xuyên",
  ],
  [
    "VI",
    1,
    "Tham mưu triển khai thực hiện Chương trình ký kết Thoả thuận với các địa phương của Hàn Quốc để đưa người lao động của tỉnh Sơn La đi làm việc thời vụ tại Hàn Quốc",
    snv,
    related,
    "Năm 2026",
  ],
  [
    "VI",
    2,
    "Nghiên cứu, triển khai thực hiện việc liên kết đào tạo giữa các cơ sở giáo dục nghề nghiệp công lập trên địa bàn tỉnh với các trường cao đẳng, đại học nước ngoài nhằm thực hiện Chương trình đào tạo liên thông và trao đổi học sinh, sinh viên với các trường cao đẳng, đại học nước ngoài",
    schools,
    related,
    "Thường xuyên",
  ],
  [
    "VI",
    3,
    "Tham mưu, đề xuất tổ chức các Đoàn công tác của tỉnh Sơn La đi nước ngoài để học tập kinh nghiệm, nắm bắt thông tin thị trường lao động quốc tế, xu hướng tuyển dụng và yêu cầu của các đối tác nước ngoài",
    snv,
    related,
    "Thường xuyên",
  ],
  [
    "VI",
    4,
    "Tham mưu trình cấp có thẩm quyền cử đoàn ra và đón tiếp đoàn vào để thực hiện các nội dung liên quan đến công tác đưa người của tỉnh Sơn La đi lao động ở nước ngoài; Hỗ trợ, phối hợp với Sở Nội vụ và các sở, ban, ngành, địa phương có liên quan tìm kiếm, triển khai hợp tác phái cử lao động thời vụ với các địa phương nước ngoài theo quy định của pháp luật",
    ["Sở Ngoại vụ", ["SNGV"]],
    related,
    "Thường xuyên",
  ],
  [
    "VII",
    1,
    "Tăng cường công tác quản lý, kiểm tra, giám sát đối với các doanh nghiệp, tổ chức, đơn vị trong việc chấp hành pháp luật về tổ chức đưa người lao động đi làm việc ở nước ngoài theo hợp đồng về điều kiện hoạt động, tuyển chọn lao động, thu phí, quản lý, đảm bảo quyền và lợi ích cho người lao động khi tham gia làm việc ở nước ngoài theo hợp đồng,... Kịp thời phát hiện, ngăn chặn, xử lý nghiêm các hành vi vi phạm pháp luật liên quan đến hoạt động đưa người lao động Việt Nam đi làm việc ở nước ngoài, đặc biệt là hoạt động lừa đảo, môi giới trái phép, đồng thời tuyên truyền, cảnh báo người dân về các thủ đoạn, hình thức lừa đảo trong xuất khẩu lao động trái phép",
    ["Sở Nội vụ; Công an tỉnh; UBND cấp xã", ["SNV", "CA-TINH", "UBND-XA"]],
    related,
    "Thường xuyên",
  ],
  [
    "VII",
    2,
    "Quản lý chặt chẽ đảng viên là người lao động Việt Nam làm việc ở nước ngoài",
    ["Ban Tổ chức Tỉnh ủy", ["BTC-TU"]],
    ["Các cơ quan, tổ chức, cấp uỷ đảng có liên quan", ["LIEN-QUAN"]],
    "Thường xuyên",
  ],
  [
    "VIII",
    1,
    "Tham mưu cho UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết quy định chính sách hỗ trợ người lao động và tạo nguồn lao động đi làm việc ở nước ngoài giai đoạn 2026-2030 trên địa bàn tỉnh",
    snv,
    departmentsCommunesRelated,
    "Quý I/2026",
  ],
  [
    "VIII",
    2,
    "Triển khai thực hiện hiệu quả chính sách tín dụng đối với người lao động đi làm việc ở nước ngoài theo hợp đồng. Hướng dẫn, tạo điều kiện cho người lao động về hồ sơ, phương thức, thủ tục vay vốn, kịp thời giải ngân nguồn vốn cho người lao động vay đi làm việc ở nước ngoài theo hợp đồng. Tiếp nhận thông tin và giải quyết kịp thời các vấn đề vướng mắc, phát sinh về vay vốn của người lao động và các doanh nghiệp tuyển dụng lao động.",
    ["Chi nhánh Ngân hàng chính sách xã hội tỉnh Sơn La", ["NHCSXH"]],
    related,
    "Thường xuyên",
  ],
  [
    "VIII",
    3,
    "Thẩm định, quyết định hỗ trợ và thanh toán tiền hỗ trợ cho người lao động cư trú trên địa bàn đi làm việc ở nước ngoài theo quy định",
    communes,
    related,
    "Thường xuyên",
  ],
  [
    "VIII",
    4,
    "Triển khai thực hiện hiệu quả các chính sách hỗ trợ đưa lao động đi làm việc ở nước ngoài thuộc CTMTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi, CTMTQG giảm nghèo bền vững,…",
    communes,
    related,
    "Thường xuyên",
  ],
  [
    "VIII",
    5,
    "Tham mưu phân bổ kinh phí cho các cơ quan, đơn vị và UBND các xã, phường để thực hiện chính sách hỗ trợ người lao động đi làm việc ở nước ngoài từ nguồn kinh phí Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi (nếu có)",
    ["Sở Dân tộc và Tôn giáo", ["SDTTG"]],
    related,
    "Năm 2026",
  ],
  [
    "VIII",
    6,
    "Tham mưu phân bổ kinh phí cho các cơ quan, đơn vị và UBND các xã, phường để thực hiện chính sách hỗ trợ người lao động đi làm việc ở nước ngoài từ nguồn kinh phí Chương trình mục tiêu quốc gia giảm nghèo bền vững (nếu có)",
    ["Sở Nông nghiệp và Môi trường", ["SNNMT"]],
    related,
    "Năm 2026",
  ],
  [
    "VIII",
    7,
    "Tạo điều kiện thuận lợi để người lao động đi làm việc ở nước ngoài theo hợp đồng thực hiện các thủ tục xuất, nhập cảnh, cấp Phiếu lý lịch tư pháp đảm bảo nhanh chóng, đúng quy định",
    police,
    related,
    "Thường xuyên",
  ],
  [
    "VIII",
    8,
    "Chỉ đạo các cơ sở y tế, các đơn vị thuộc quyền quản lý hướng dẫn, tạo điều kiện thuận lợi cho người lao động làm thủ tục khám sức khoẻ để đi làm việc ở nước ngoài theo hợp đồng đúng thời gian quy định",
    ["Sở Y tế", ["SYT"]],
    related,
    "Thường xuyên",
  ],
  [
    "VIII",
    9,
    "Hướng dẫn và xác nhận cho người lao động làm hồ sơ đi làm việc ở nước ngoài theo hợp đồng, hồ sơ vay vốn và các thủ tục hành chính khác có liên quan",
    communes,
    related,
    "Thường xuyên",
  ],
  [
    "IX",
    1,
    "Kết nối, hỗ trợ, tạo thuận lợi cho người lao động có nhu cầu tiếp tục đi làm việc ở nước ngoài theo quy định",
    jobCentreCommunes,
    related,
    "Thường xuyên",
  ],
  [
    "IX",
    2,
    "Kết nối, tư vấn giới thiệu việc làm, giới thiệu các doanh nghiệp có nhu cầu tuyển dụng lao động cho người lao động để đi làm việc trong và ngoài tỉnh phù hợp với nhu cầu, trình độ của người lao động.",
    jobCentreCommunes,
    related,
    "Thường xuyên",
  ],
]

/** Deterministic task id, e.g. "plan-task:14:2026:VIII.1". */
export const sonLa2026TaskId = (group: TaskGroup, number: number): string => `plan-task:14:2026:${group}.${number}`

export const sonLa2026TaskCommands: ReadonlyArray<AssignPlanTask> = sonLa2026TaskRows.map(
  ([group, number, content, [leadPrinted, leadCodes], [coordPrinted, coordCodes], timeFrameLabel]) => ({
    _tag: "AssignPlanTask",
    taskId: sonLa2026TaskId(group, number),
    planId: sonLa2026TaskPlanId,
    planYear: sonLa2026TaskPlanYear,
    group,
    groupTitle: sonLa2026TaskGroups[group],
    number,
    content,
    lead: { printed: leadPrinted, agencyCodes: leadCodes },
    coordinating: { printed: coordPrinted, agencyCodes: coordCodes },
    timeFrameLabel,
  }),
)

import { laoCai2025PlanId } from "../../quota-plan/data/lao-cai-2025.ts"
import type { AssignPlanTask } from "../commands.ts"

/**
 * Lào Cai 2025 — seed 002, part IV (Tổ chức thực hiện): each bullet assigned to the agency heading it, as printed
 * (a "+" sub-bullet stays in its bullet). The plan prints no time frame per task ("Không ghi thời hạn"); its
 * reporting deadlines are obligations (reporting-obligation/data/lao-cai-2025.ts). Old province code 10.
 * Ids: `plan-task:10:2025:IV.<item>.<bullet>`, or `IV.<item>` for an item of one paragraph.
 */
const leads: Readonly<Record<string, readonly [printed: string, codes: ReadonlyArray<string>]>> = {
  "1": ["Sở Lao động - Thương binh và Xã hội", ["SLDTBXH"]],
  "2": ["Sở Tài chính", ["STC"]],
  "3": ["Công an tỉnh", ["CA-TINH"]],
  "4": ["Sở Tư pháp", ["STP"]],
  "5": ["Sở Ngoại vụ", ["SNGV"]],
  "6": ["Sở Giáo dục và Đào tạo", ["SGDDT"]],
  "7": ["Sở Thông tin và Truyền thông", ["STTTT"]],
  "8": ["Ban Dân tộc tỉnh", ["BDT"]],
  "9": ["Ngân hàng Nhà nước - Chi nhánh tỉnh Lào Cai", ["NHNN"]],
  "10": ["Ngân hàng Chính sách xã hội - Chi nhánh tỉnh Lào Cai", ["NHCSXH"]],
  "11": ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", ["BCH-BP"]],
  "12": ["Các sở, ban, ngành liên quan", ["SO-NGANH"]],
  "13": ["Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh", ["BAO-DAI"]],
  "14": ["Ủy ban nhân dân các huyện, thị xã, thành phố", ["UBND-HUYEN"]],
  "15": ["Trường Cao đẳng Lào Cai", ["CDLC"]],
  "16": ["Đề nghị Ban Tổ chức Tỉnh ủy", ["BTC-TU"]],
  "17": ["Đề nghị Ban Tuyên giáo Tỉnh ủy", ["BTG-TU"]],
  "18": ["Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội cấp tỉnh", ["MTTQ"]],
  "19": [
    "Doanh nghiệp, tổ chức hoạt động dịch vụ đưa người lao động tỉnh Lào Cai đi làm việc ở nước ngoài theo hợp đồng",
    ["DN-DV"],
  ],
}

/** [key as printed (item.letter or item.bullet), item, content as printed, time frame] */
const rows: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    "1.1",
    "1",
    "Chủ trì, phối hợp với các cơ quan liên quan, các doanh nghiệp triển khai thực hiện Kế hoạch.",
    "Không ghi thời hạn",
  ],
  [
    "1.2",
    "1",
    "Chỉ đạo Trung tâm Dịch vụ việc làm phối hợp với Ủy ban nhân dân các huyện, thị xã, thành phố rà soát, tổng hợp số lao động có nhu cầu đi làm việc ở nước ngoài; xây dựng kế hoạch tổ chức tư vấn, liên kết đào tạo nguồn lao động đáp ứng với thị trường nước tiếp nhận; Chủ động liên kết với các doanh nghiệp hoạt động dịch vụ đưa lao động đi làm việc ở nước ngoài theo hợp đồng để tổ chức tư vấn, phỏng vấn tuyển chọn, đào tạo nguồn lao động về kỹ năng nghề, ngoại ngữ theo yêu cầu của các thị trường tiếp nhận lao động trước khi đưa lao động đi làm việc ở nước ngoài theo hợp đồng. Hỗ trợ người lao động đã hoàn thành hợp đồng lao động về nước tìm việc làm hoặc tự tạo việc làm; tổ chức tư vấn và giới thiệu việc làm cho người lao động phù hợp với ngành nghề, kinh nghiệm đã học hỏi và tích lũy được trong thời gian làm việc ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "1.3",
    "1",
    "Tăng cường công tác quản lý nhà nước đối với các doanh nghiệp đưa người lao động đi làm việc ở nước ngoài theo hợp đồng đảm bảo hiệu quả, chặt chẽ; yêu cầu doanh nghiệp thực hiện nghiêm túc các quy định của pháp luật về tuyên truyền, tuyển chọn lao động của tỉnh đi làm việc ở nước ngoài theo hợp đồng. Hướng dẫn, tổ chức thực hiện các chính sách hỗ trợ người lao động đi làm việc có thời hạn ở nước ngoài theo quy định.",
    "Không ghi thời hạn",
  ],
  [
    "1.4",
    "1",
    "Triển khai công tác đào tạo nghề, tư vấn giới thiệu việc làm, giải quyết việc làm, chuyển dịch cơ cấu lao động nông nghiệp sang phi nông nghiệp, chú trọng triển khai các giải pháp đưa lao động đi làm việc ở nước ngoài đối với các nhóm đối tượng: thanh niên, lao động nông thôn, lao động thuộc hộ nghèo, hộ cận nghèo, lao động là người dân tộc thiểu số, lao động bị mất việc làm, lao động thuộc hộ bị thu hồi đất, thanh niên hoàn thành nghĩa vụ quân sự... Chú trọng công tác tạo nguồn lao động, đưa lao động đi làm việc ở nước ngoài theo hợp đồng; có giải pháp sử dụng hiệu quả nguồn lao động sau khi làm việc ở nước ngoài về nước.",
    "Không ghi thời hạn",
  ],
  [
    "1.5",
    "1",
    "Tăng cường công tác thanh tra, kiểm tra, giám sát công tác tư vấn, tuyển chọn, đào tạo và tổ chức đưa lao động đi làm việc ở nước ngoài theo hợp đồng; kịp thời ngăn chặn và có biện pháp xử lý kịp thời những hành vi lừa đảo, tiêu cực để bảo vệ quyền lợi cho người lao động.",
    "Không ghi thời hạn",
  ],
  [
    "1.6",
    "1",
    "Theo dõi, tổng hợp tình hình thực hiện Kế hoạch của các ngành, địa phương; Định kỳ, tổng hợp báo cáo (báo cáo 6 tháng trước ngày 15/7; báo cáo năm trước ngày 15/12) hoặc khi có yêu cầu đột xuất, tổng hợp báo cáo Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội.",
    "Không ghi thời hạn",
  ],
  [
    "2",
    "2",
    "Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội và các sở, ngành, đơn vị liên quan, căn cứ khả năng ngân sách địa phương hằng năm, tham mưu trình Ủy ban nhân dân tỉnh bố trí ngân sách, lồng ghép với các Chương trình, Kế hoạch khác có liên quan để triển khai thực hiện nội dung Kế hoạch này theo phân cấp ngân sách hiện hành và theo quy định của Luật ngân sách nhà nước.",
    "Không ghi thời hạn",
  ],
  [
    "3.1",
    "3",
    "Hướng dẫn, tạo điều kiện cho người lao động hoàn thiện các thủ tục liên quan đến việc xuất cảnh đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "3.2",
    "3",
    "Đấu tranh ngăn chặn và điều tra xử lý kịp thời, nghiêm minh các tổ chức, cá nhân có hành vi vi phạm pháp luật trong lĩnh vực đưa lao động ra nước ngoài làm việc.",
    "Không ghi thời hạn",
  ],
  [
    "3.3",
    "3",
    "Chỉ đạo Công an cấp xã lập danh sách lao động đi làm việc ở nước ngoài theo hợp đồng thông báo cư trú sau khi trở về địa phương để phối hợp với Ủy ban nhân dân cấp xã, các cơ quan, đơn vị có liên quan thực hiện hỗ trợ tạo việc làm và khởi nghiệp, hỗ trợ hòa nhập xã hội.",
    "Không ghi thời hạn",
  ],
  [
    "3.4",
    "3",
    "Chia sẻ dữ liệu đầu ra cơ sở dữ liệu người lao động gắn với cơ sở dữ liệu quốc gia về dân cư.",
    "Không ghi thời hạn",
  ],
  [
    "4",
    "4",
    "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan thực hiện kịp thời việc cấp Phiếu lý lịch tư pháp cho người lao động đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "5",
    "5",
    "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan thực hiện công tác bảo hộ công dân đi làm việc ở nước ngoài theo hợp đồng; phối hợp với các cơ quan có thẩm quyền liên quan xử lý các vụ việc liên quan đến công tác bảo hộ công dân đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "6.1",
    "6",
    "Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Công an tỉnh tăng cường công tác quản lý hoạt động tư vấn du học, kịp thời phát hiện và ngăn chặn, xử lý tình trạng lợi dụng hoạt động tư vấn du học để tư vấn, tổ chức đưa người lao động ra nước ngoài làm việc bất hợp pháp.",
    "Không ghi thời hạn",
  ],
  [
    "6.2",
    "6",
    "Phối hợp với Sở Lao động - Thương binh và Xã hội tăng cường hoạt động định hướng nghề nghiệp, tuyên truyền giới thiệu về chính sách, pháp luật và mục tiêu, kế hoạch đưa người lao động đi làm việc ở nước ngoài theo hợp đồng đến học sinh các trường Trung học phổ thông, học sinh các Trung tâm giáo dục thường xuyên trong tỉnh.",
    "Không ghi thời hạn",
  ],
  [
    "7.1",
    "7",
    "Phối hợp với đơn vị chủ trì, cung cấp tài liệu, hướng dẫn các cơ quan báo chí, truyền thông trên địa bàn tỉnh, tuyên truyền, phổ biến các chủ trương, chính sách của Đảng, pháp luật của Nhà nước trong công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng để người lao động biết đăng ký tham gia; đồng thời tạo bước chuyển biến mới về nhận thức và nâng cao trách nhiệm các ngành, các cấp trong việc thực hiện công tác đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "7.2",
    "7",
    "Phối hợp với các cơ quan chức năng xử lý các trang thông tin điện tử, trang mạng xã hội và các ứng dụng có hoạt động vi phạm pháp luật trong công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "8.1",
    "8",
    "Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội tham mưu phân bổ kinh phí cho các huyện, thị xã để thực hiện chính sách hỗ trợ người lao động thuộc vùng đồng bào dân tộc thiểu số và miền núi đi làm việc ở nước ngoài theo hợp đồng từ nguồn kinh phí Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi.",
    "Không ghi thời hạn",
  ],
  [
    "8.2",
    "8",
    "Lồng ghép gắn vào các lớp tập huấn cho Người có uy tín trong đồng bào dân tộc thiểu số, do Ban Dân tộc tỉnh tổ chức thực hiện, nội dung tuyên truyền công tác đưa người lao động đi làm việc tại nước ngoài, để phát huy vai trò của người uy tín trong đồng bào dân tộc thiểu số trên địa bàn tỉnh, trong công tác tuyên truyền, vận động con em đồng bào dân tộc thiểu số trên địa bàn tham gia ứng tuyển đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "9",
    "9",
    "Chỉ đạo Ngân hàng Chính sách xã hội tỉnh và các Ngân hàng thương mại trên địa bàn tỉnh ưu tiên bố trí nguồn vốn; hướng dẫn, tạo điều kiện thuận lợi để khách hàng thực hiện các thủ tục vay vốn đi làm việc ở nước ngoài theo hợp đồng đảm bảo các quy định hiện hành.",
    "Không ghi thời hạn",
  ],
  [
    "10",
    "10",
    "Triển khai thực hiện hiệu quả chính sách tín dụng đối với người lao động đi làm việc ở nước ngoài theo hợp đồng theo quy định.",
    "Không ghi thời hạn",
  ],
  [
    "11.1",
    "11",
    "Chủ động phối hợp cùng các cơ quan liên quan tổ chức tuyên truyền, hướng dẫn người dân, đặc biệt là người dân ở các vùng dân tộc thiểu số, miền núi, biên giới các quy định pháp luật về xuất, nhập cảnh, làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "11.2",
    "11",
    "Tăng cường tuần tra, kiểm soát khu vực cửa khẩu, các đường mòn, lối mở nhằm phát hiện, ngăn chặn các hoạt động lợi dụng chính sách đưa người lao động đi làm việc ở nước ngoài theo hợp đồng của tội phạm mua bán người trong khu vực biên giới và kịp thời xử lý các trường hợp di cư qua biên giới.",
    "Không ghi thời hạn",
  ],
  [
    "12",
    "12",
    "Theo chức năng, nhiệm vụ được giao chủ động tổ chức thực hiện các nhiệm vụ, giải pháp của Kế hoạch này đảm bảo phù hợp với tình hình cụ thể của từng cơ quan, đơn vị.",
    "Không ghi thời hạn",
  ],
  [
    "13",
    "13",
    "Phối hợp với Sở Lao động - Thương binh và Xã hội và các địa phương, đẩy mạnh công tác thông tin, tuyên truyền về chủ trương, chính sách của Đảng và nhà nước; kết quả triển khai thực hiện của các cấp, các ngành, thông tin về thị trường lao động; các địa chỉ tuyển dụng lao động uy tín, giới thiệu các mô hình, cách làm thiết thực, hiệu quả... trên các ấn phẩm báo chí, chương trình phát thanh và truyền hình... nhằm nâng cao nhận thức của các cấp, ngành, nhân dân về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "14.1",
    "14",
    "Xây dựng kế hoạch đẩy mạnh công tác đưa lao động đi làm việc ở nước ngoài theo hợp đồng phù hợp với điều kiện, tình hình thực tế của địa phương; giao cụ thể chỉ tiêu đưa lao động đi làm việc ở nước ngoài theo hợp đồng cho từng xã, phường, thị trấn. Bố trí kinh phí để tổ chức thực hiện Kế hoạch.",
    "Không ghi thời hạn",
  ],
  [
    "14.2",
    "14",
    "Tăng cường tuyên truyền công tác đưa người lao động đi làm việc ở nước ngoài theo hợp đồng, đổi mới nội dung, đa dạng hình thức tuyên truyền đảm bảo người dân, người lao động hiểu, biết và tham gia tuyển chọn.",
    "Không ghi thời hạn",
  ],
  [
    "14.3",
    "14",
    "Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội rà soát, tổng hợp nhu cầu của lao động địa phương đi làm việc có thời hạn ở nước ngoài để phối hợp với các đơn vị liên quan tổ chức thông tin, tuyên truyền, tư vấn, tuyển chọn lao động tham gia đi làm việc có thời hạn ở nước ngoài.",
    "Không ghi thời hạn",
  ],
  [
    "14.4",
    "14",
    "Chỉ đạo Phòng Lao động - Thương binh và Xã hội: + Chủ trì, phối hợp với Trung tâm Dịch vụ việc làm tỉnh và các doanh nghiệp hoạt động dịch vụ đưa lao động đi làm việc ở nước ngoài tổ chức Hội nghị thông tin, tuyên truyền, tư vấn, tuyển chọn lao động tại địa phương. Thông qua tuyên truyền, vận động gia đình có người lao động đi làm việc ở nước ngoài trong việc chấp hành các quy định của nước tiếp nhận lao động, vận động người lao động về nước đúng quy định không cư trú bất hợp pháp ở nước ngoài. + Triển khai công tác đào tạo nghề, tư vấn giới thiệu việc làm, giải quyết việc làm, chuyển dịch cơ cấu lao động nông nghiệp sang phi nông nghiệp, tăng cường công tác đưa lao động đi làm việc ở nước ngoài nhằm tăng số lượng và nâng cao chất lượng lao động, chú trọng công tác tạo nguồn lao động.",
    "Không ghi thời hạn",
  ],
  [
    "15",
    "15",
    "Chủ động liên kết với các doanh nghiệp hoạt động dịch vụ đưa lao động đi làm việc ở nước ngoài theo hợp đồng có chức năng, uy tín để tổ chức tư vấn, phỏng vấn tuyển chọn, đào tạo nguồn lao động về kỹ năng nghề, ngoại ngữ theo yêu cầu của các thị trường tiếp nhận lao động trước khi đưa đi làm việc ở nước ngoài theo hợp đồng; hỗ trợ tư vấn, giới thiệu việc làm cho người lao động sau khi hết hạn hợp đồng lao động về nước.",
    "Không ghi thời hạn",
  ],
  [
    "16",
    "16",
    "Chỉ đạo thực hiện tốt công tác quản lý đảng viên là người lao động đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "17",
    "17",
    "Định hướng nội dung tuyên truyền, hướng dẫn các cơ quan thông tin, truyền thông thực hiện có hiệu quả công tác tuyên truyền, phổ biến nội dung Chỉ thị số 20-CT/TW ngày 12/12/2022 của Ban Bí thư về việc tăng cường sự lãnh đạo của Đảng đối với công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài trong tình hình mới; Kế hoạch số 213-KH/TU ngày 05/6/2023 của Tỉnh ủy về việc thực hiện Chỉ thị số 20-CT/TW ngày 12/12/2022 của Ban Bí thư.",
    "Không ghi thời hạn",
  ],
  [
    "18.1",
    "18",
    "Phối hợp triển khai thực hiện Kế hoạch đến các tổ chức thành viên. Phối hợp tuyên truyền, tích cực vận động đoàn viên, hội viên tham gia đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  ["18.2", "18", "Tham gia giám sát việc triển khai thực hiện Kế hoạch trên địa bàn tỉnh.", "Không ghi thời hạn"],
  [
    "19.1",
    "19",
    "Phối hợp với Trung tâm Dịch vụ việc làm tỉnh, Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức tuyên truyền, thông tin đầy đủ về tiêu chuẩn, ngành nghề, thị trường lao động nước ngoài; tổ chức đào tạo, giáo dục định hướng, đưa lao động xuất cảnh đúng thời hạn, bảo đảm chế độ, quyền lợi cho người lao động theo hợp đồng đã ký kết; cung cấp thông tin về tình hình lao động của địa phương đi làm việc ở nước ngoài và lao động trở về nước; chấp hành các quy định của pháp luật trong hoạt động đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng.",
    "Không ghi thời hạn",
  ],
  [
    "19.2",
    "19",
    "Tăng cường chất lượng đào tạo, đẩy mạnh tìm kiếm thêm đối tác, mở rộng và gia nhập vào những thị trường chất lượng cao. Ưu tiên đưa người lao động đi làm việc ở những thị trường lao động có thu nhập cao, an toàn.",
    "Không ghi thời hạn",
  ],
  [
    "19.3",
    "19",
    "Chú trọng công tác giáo dục định hướng, đào tạo ngoại ngữ, tay nghề cho người lao động trước khi xuất cảnh đi làm việc ở nước ngoài, trong đó đẩy mạnh việc phổ biến văn hóa ứng xử cho người lao động.",
    "Không ghi thời hạn",
  ],
  [
    "19.4",
    "19",
    "Tăng cường hợp tác, liên kết với cơ sở giáo dục nghề nghiệp, tổ chức dịch vụ việc làm để bồi dưỡng kỹ năng nghề, ngoại ngữ cho người lao động trong trường hợp cần thiết.",
    "Không ghi thời hạn",
  ],
]

export const laoCai2025TaskCommands: ReadonlyArray<AssignPlanTask> = rows.map(
  ([key, item, content, timeFrameLabel], i) => {
    const [printed, agencyCodes] = leads[item] ?? ["", []]
    return {
      _tag: "AssignPlanTask",
      taskId: `plan-task:10:2025:IV.${key}`,
      planId: laoCai2025PlanId,
      planYear: 2025,
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

import type { Rng } from "./random.ts"
import { PersonalData } from "@xkld/domain"
type Sex = PersonalData.Sex

/**
 * Vietnamese full names for generated people, by ethnic group, with the group shares of the north-west
 * provinces. Shares are approximations from the 2019 census (Sơn La: Thái ≈ 54%, Kinh ≈ 16%, Mông ≈ 16%,
 * Mường ≈ 7%; Lai Châu: Thái, Mông, Dao, Kinh, Hà Nhì, Giáy…; new Lào Cai = old Lào Cai + Yên Bái: Kinh, Tày,
 * Mông, Dao, Thái, Giáy, Nùng…). Every string is NFC.
 */

interface NameStyle {
  readonly families: ReadonlyArray<readonly [string, number]>
  readonly middles: Readonly<Record<Sex, ReadonlyArray<readonly [string, number]>>>
  readonly givens: Readonly<Record<Sex, ReadonlyArray<string>>>
}

const nfc = (s: string) => s.normalize("NFC")
const weightedList = (text: string): ReadonlyArray<readonly [string, number]> =>
  text.split(",").map((part) => {
    const [name, weight] = part.trim().split(":")
    return [nfc(name!.trim()), weight === undefined ? 1 : Number(weight)] as const
  })
const list = (text: string): ReadonlyArray<string> => text.split(",").map((s) => nfc(s.trim()))

const kinhGivenMale = list(
  "Anh, Hùng, Dũng, Tuấn, Nam, Long, Hải, Quân, Thắng, Cường, Hiếu, Phúc, Sơn, Toàn, Tùng, Đạt, Khánh, Huy, Kiên, Trung, Vinh, Đức, Hoàng, Mạnh, Thành, Việt, Bình, Hưng, Lâm, Quyết, Thịnh, Tiến, Tú, Duy, Phong, Chiến, Hậu, Linh, Lực, Công",
)
const kinhGivenFemale = list(
  "Hoa, Lan, Hương, Huyền, Trang, Linh, Ngọc, Thảo, Hà, Mai, Nhung, Thúy, Yến, Hằng, Vân, Loan, Hạnh, Nga, Liên, Phượng, Dung, Nhàn, Quỳnh, Oanh, Chi, Giang, Hiền, Lụa, Tâm, Thủy",
)
const kinhMiddles = {
  male: weightedList("Văn:40, Đức:8, Minh:8, Quang:6, Hữu:5, Công:5, Thanh:4, Xuân:3, Tiến:3, Ngọc:3, Mạnh:2, Trung:2"),
  female: weightedList("Thị:60, Thu:5, Ngọc:5, Hồng:4, Phương:3, Thanh:4, Minh:3, Kim:3, Thùy:2, Diệu:1"),
}

const taiGivenMale = list(
  "Sơn, Bun, Panh, Thanh, Ngoan, Chung, Khăm, Pánh, Xôm, Inh, Ánh, Hom, Tiến, Thưởng, Biên, Duy, Hùng, Tuấn, Phong, Quyết, Xiên, Ngọc, Tươi, Thoại, Hoan, Lả, Ón",
)
const taiGivenFemale = list(
  "Xuân, Ún, Ơn, Bua, Pọm, Phương, Hoa, Lả, Nhiên, Thoan, Pâng, Xiêm, Oi, Ánh, Duyên, Hương, Thu, Mai, Biêng, Ín, Lan, Tiên, Hiên, Lướng, Ngân",
)
const monGivenMale = list(
  "Sử, Chứ, Dế, Pó, Lử, Tủa, Chư, Páo, Sang, Chống, Dờ, Lềnh, Vừ, Tếnh, Nhà, Khua, Súa, Chớ, Phử, Của, Tồng, Dua, Hồ, Sềnh, Giống, Chính",
)
const monGivenFemale = list(
  "Mỷ, Sua, Dợ, Ly, Mai, Chở, Pà, Dở, Sông, Mẩy, Dinh, Chá, Say, Mua, Nhìa, Xay, Hoa, Dùa, Pằng, Máy",
)
const daoGivenMale = list("Kiềm, Phin, Chàn, Sinh, Quyền, Tiến, Lở, Chiêu, Phủ, Dùn, Vần, Quẩy, Tài, Phấy, Chòi, Lai")
const daoGivenFemale = list("Mẩy, Xiêm, Kiều, Dua, Lìu, Chài, Nái, Mai, Phương, Lan, Hạnh, Tạ, Mùi, Chòi")

const styles = {
  Kinh: {
    families: weightedList(
      "Nguyễn:38, Trần:11, Lê:9, Phạm:7, Hoàng:5, Vũ:4, Đỗ:3, Bùi:3, Đặng:2, Ngô:2, Dương:2, Đinh:2, Lý:1, Hà:2, Đào:1, Phan:2, Trịnh:1, Lương:1, Tạ:1, Mai:1, Cao:1, Lò:0.5",
    ),
    middles: kinhMiddles,
    givens: { male: kinhGivenMale, female: kinhGivenFemale },
  },
  Thái: {
    families: weightedList(
      "Lò:22, Lường:14, Quàng:10, Cầm:9, Vì:7, Tòng:6, Điêu:4, Hoàng:4, Lù:4, Hà:4, Bạc:3, Mè:2, Sa:2, Khoàng:2, Cà:3, Lừ:2, Lộc:1, Nông:1",
    ),
    middles: {
      male: weightedList("Văn:90, Thanh:3, Minh:3, Xuân:2, Đức:2"),
      female: weightedList("Thị:95, Thanh:3, Ngọc:2"),
    },
    givens: { male: taiGivenMale, female: taiGivenFemale },
  },
  Mông: {
    families: weightedList(
      "Giàng:18, Sùng:16, Mùa:12, Vàng:13, Thào:12, Hờ:6, Lầu:6, Lý:6, Hạng:4, Ly:3, Cứ:2, Tráng:2, Sình:2, Chá:1, Hầu:2",
    ),
    middles: {
      male: weightedList("A:65, Seo:15, Văn:15, Chá:5"),
      female: weightedList("Thị:80, Seo:8, Chá:6, Y:6"),
    },
    givens: { male: monGivenMale, female: monGivenFemale },
  },
  Mường: {
    families: weightedList("Đinh:25, Bùi:25, Hà:15, Quách:10, Xa:8, Phạm:6, Cao:5, Hoàng:4, Sa:2"),
    middles: { male: weightedList("Văn:75, Công:10, Đức:8, Minh:7"), female: weightedList("Thị:90, Hồng:5, Ngọc:5") },
    givens: { male: kinhGivenMale, female: kinhGivenFemale },
  },
  Dao: {
    families: weightedList("Triệu:25, Bàn:20, Đặng:15, Lý:10, Chảo:8, Tẩn:8, Phùng:6, Sần:3, Chìu:2, Lò:3"),
    middles: {
      male: weightedList("Văn:50, Láo:15, Seo:15, Tiến:10, Ông:10"),
      female: weightedList("Thị:70, Mùi:10, Sử:10, Mẩy:10"),
    },
    givens: { male: daoGivenMale, female: daoGivenFemale },
  },
  Tày: {
    families: weightedList(
      "Hoàng:22, Nông:14, Hà:10, Lương:8, Ma:8, Hứa:5, Lục:5, Vi:5, La:4, Đinh:4, Triệu:4, Lưu:4, Bế:4, Nguyễn:3",
    ),
    middles: kinhMiddles,
    givens: { male: kinhGivenMale, female: kinhGivenFemale },
  },
  Giáy: {
    families: weightedList("Vương:20, Lù:15, Hoàng:15, Sầm:10, Lò:10, Lục:10, Vàng:10, Giàng:10"),
    middles: { male: weightedList("Văn:85, Seo:15"), female: weightedList("Thị:90, Seo:10") },
    givens: { male: kinhGivenMale, female: kinhGivenFemale },
  },
  Nùng: {
    families: weightedList("Nông:20, Hoàng:20, Lương:12, Lăng:10, Vi:10, Chu:10, Mã:8, Sầm:5, Lý:5"),
    middles: kinhMiddles,
    givens: { male: kinhGivenMale, female: kinhGivenFemale },
  },
  "Hà Nhì": {
    families: weightedList("Lò:25, Chu:20, Pờ:15, Lý:12, Ly:8, Phù:8, Chang:6, Phìn:6"),
    middles: { male: weightedList("A:50, Mó:20, Văn:30"), female: weightedList("Mỳ:40, Thị:60") },
    givens: {
      male: list("Sừ, Gạ, Chừ, Xá, Hừ, Già, Phạ, Lù, Cà, Thì"),
      female: list("Gạ, Xá, Chừ, Pà, Mé, Sú, Chê, Mơ"),
    },
  },
  "Khơ Mú": {
    families: weightedList("Lò:25, Quàng:20, Cút:15, Vi:10, Lường:10, Lừ:10, Tòng:10"),
    middles: { male: weightedList("Văn:95, Thanh:5"), female: weightedList("Thị:100") },
    givens: { male: taiGivenMale, female: taiGivenFemale },
  },
  "Xinh Mun": {
    families: weightedList("Lò:30, Vì:25, Lừ:20, Quàng:15, Lường:10"),
    middles: { male: weightedList("Văn:100"), female: weightedList("Thị:100") },
    givens: { male: taiGivenMale, female: taiGivenFemale },
  },
  Lự: {
    families: weightedList("Lò:30, Tao:25, Pẩu:20, Lường:15, Đao:10"),
    middles: { male: weightedList("Văn:100"), female: weightedList("Thị:100") },
    givens: { male: taiGivenMale, female: taiGivenFemale },
  },
} satisfies Record<string, NameStyle>

export type EthnicGroup = keyof typeof styles
export const ethnicGroups = Object.keys(styles) as ReadonlyArray<EthnicGroup>

/** Approximate shares (%) of the working-age population by ethnic group, per province code. */
export const ethnicShares: Readonly<Record<string, ReadonlyArray<readonly [EthnicGroup, number]>>> = {
  "14": [
    ["Thái", 53.5],
    ["Kinh", 16.0],
    ["Mông", 15.8],
    ["Mường", 7.5],
    ["Dao", 1.8],
    ["Khơ Mú", 1.5],
    ["Xinh Mun", 1.3],
    ["Lự", 0.3],
    ["Tày", 1.0],
    ["Giáy", 0.1],
    ["Nùng", 0.2],
    ["Hà Nhì", 0.1],
    // La Ha, Kháng, Lào, … (≈ 1%): named like Thái here
  ].map(([g, s]) => [g as EthnicGroup, s as number] as const),
  "12": [
    ["Thái", 32.5],
    ["Mông", 25.5],
    ["Dao", 14.5],
    ["Kinh", 13.5],
    ["Hà Nhì", 4.5],
    ["Giáy", 4.0],
    ["Lự", 1.7],
    ["Khơ Mú", 1.3],
    ["Tày", 0.6],
    ["Nùng", 0.4],
  ].map(([g, s]) => [g as EthnicGroup, s as number] as const),
  "15": [
    ["Kinh", 44.0],
    ["Tày", 17.5],
    ["Mông", 16.5],
    ["Dao", 12.0],
    ["Thái", 3.5],
    ["Giáy", 2.3],
    ["Nùng", 2.2],
    ["Mường", 1.0],
    ["Hà Nhì", 1.0],
  ].map(([g, s]) => [g as EthnicGroup, s as number] as const),
}

export interface GeneratedName {
  readonly family: string
  readonly middle: string
  readonly given: string
  readonly fullName: string
}

export const pickEthnicGroup = (rng: Rng, provinceCode: string): EthnicGroup =>
  rng.weighted(ethnicShares[provinceCode] ?? ethnicShares["14"]!)

/** A full name "Family Middle Given" in the naming style of the group, e.g. "Lò Văn Sơn", "Giàng A Sử". */
export const generateName = (rng: Rng, group: EthnicGroup, sex: Sex): GeneratedName => {
  const style: NameStyle = styles[group]
  const family = rng.weighted(style.families)
  const middle = rng.weighted(style.middles[sex])
  const given = rng.pick(style.givens[sex])
  return { family, middle, given, fullName: `${family} ${middle} ${given}` }
}

/** Names of villages (bản, thôn, tiểu khu) for addresses. */
export const villageNames: ReadonlyArray<string> = list(
  "Bản Mé, Bản Nà Ngần, Bản Hốc, Bản Pá Sang, Bản Co Phương, Bản Huổi Một, Bản Nậm Giôn, Bản Phiêng Ban, Bản Hua Nà, Bản Lướt, Bản Pha Khuông, Bản Tà Xùa, Bản Nong Lay, Bản Co Mạ, Bản Suối Lìn, Thôn Khe Cam, Thôn Làng Mới, Thôn Bản Vược, Tiểu khu 1, Tiểu khu 3, Tổ dân phố 2, Tổ dân phố 5, Bản Sin Chải, Bản Lao Chải, Bản Tả Phìn",
)

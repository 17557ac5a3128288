/** `pnpm xkld --help`: Vietnamese first, then English. */
export const HELP = `XKLĐ — công cụ dòng lệnh cho đơn vị vận hành
Dùng: pnpm xkld <lệnh> [tham số]      (trên cơ sở dữ liệu DATABASE_URL, hoặc PGlite trong DATA_DIR, như ứng dụng)

Cơ sở dữ liệu và nhật ký
  migrate                               đưa mọi bảng lên phiên bản mới nhất
  verify [--json]                       tính lại chuỗi băm và niêm phong; mã thoát 1 nếu có sai lệch
  seal                                  niêm phong nhật ký đến hiện tại (hãy lưu mã in ra ở nơi khác)
  backup <tệp> [--force]                sao lưu nhật ký, niêm phong, tài khoản, khóa cá nhân (gzip, có sha256)
  restore <tệp>                         khôi phục vào cơ sở dữ liệu trống, rồi kiểm tra toàn vẹn
Bảng đọc
  rebuild [tên]                         dựng lại một hoặc mọi bảng đọc từ nhật ký
  check [tên]                           so bảng đọc đang chạy với bản dựng lại (mã băm nội dung)
                                        (rebuild, check: hãy dừng ứng dụng trước / stop the application first)
Nhập dữ liệu, báo cáo, khóa
  import workers <tệp.xlsx> --as <tài khoản>          nhập danh sách người lao động (quy tắc của API, tất cả hoặc không)
  import stages <tệp.xlsx> --as <tài khoản>           nhập quá trình của người lao động đã đăng ký (tư vấn, đào tạo, xuất cảnh…)
  import quota <tệp.xlsx> --as <tài khoản> (--plan <mã> | --year <năm> --target <số> --legal-number <số hiệu>
         --legal-date <ngày> --issuer <cơ quan>) [--province <mã>] [--title …] [--effective-on …] [--reason …]
  report --province <mã> --period <yyyy-H1|yyyy> <thư mục> [--as-of <thời điểm>] [--formats docx,xlsx,pdf,json]
                                        báo cáo của tỉnh, của từng xã, phường và từng sở, ban, ngành vào một thư mục
  keys rotate --new-key-stdin           bọc lại mọi khóa cá nhân bằng khóa chủ mới (nhật ký không đổi)
Tài khoản (mật khẩu chỉ đọc từ đầu vào chuẩn)
  users create --username <u> --role <vai trò> --province <mã> [--unit <mã xã>]... --password-stdin
               [--display-name <tên>] [--enterprise <mã>] [--agency <mã>]
  users disable --username <u>
  users reset-password --username <u> --password-stdin

Mã thoát: 0 thành công; 1 thất bại; 2 sai cú pháp; 130 đã dừng bằng Ctrl-C (không có gì dở dang).
Vai trò: province-officer, commune-officer, enterprise-officer, bank-officer, department-officer, leader, auditor,
administrator. Xem docs/operations.md.

XKLĐ — the operator's command-line tool
Usage: pnpm xkld <command> [options]   (on DATABASE_URL, or PGlite in DATA_DIR, like the app)

  migrate | verify [--json] | seal | backup <file> [--force] | restore <file>
  rebuild [name] | check [name]
  import workers|stages|quota <file.xlsx> --as <username> [quota: --plan <id> | --year … --target … --legal-number …]
  report --province <code> --period <yyyy-H1|yyyy> <folder> [--as-of <instant>] [--formats docx,xlsx,pdf,json]
  keys rotate --new-key-stdin           re-wrap every person key under a new master key (the log is untouched)
  users create --username <u> --role <role> --province <code> [--unit <code>]... --password-stdin
  users disable --username <u> | users reset-password --username <u> --password-stdin

Exit status: 0 success; 1 failure; 2 usage error; 130 interrupted by Ctrl-C (nothing left half-done).
See docs/operations.md.
`

import { masterKeyOf } from "@xkld/api/src/services.ts"
import { MasterKeyRotationFailed, rotateMasterKey } from "@xkld/api/src/personal-data/rotate-master-key.ts"
import { PersonalData } from "@xkld/domain"
import { parseCommand } from "../args.ts"
import { CliError, usage } from "../errors.ts"
import { interruption } from "../interrupt.ts"
import { cliConfig, withDatabase } from "../open.ts"
import { progress } from "../progress.ts"
import { readPassword } from "../stdin.ts"

/**
 * `xkld keys rotate --new-key-stdin`: re-wraps every person's data key under the new master key read from standard
 * input (base64 of 32 bytes), in one transaction; the log is untouched. The current key is the configured
 * `XKLD_MASTER_KEY`. Afterwards set `XKLD_MASTER_KEY` to the new key and restart the application.
 */
export async function keys(args: ReadonlyArray<string>): Promise<void> {
  const [sub, ...rest] = args
  if (sub !== "rotate") throw usage("Lệnh keys cần rotate", "keys needs rotate")
  const { values } = parseCommand(rest, { "new-key-stdin": { type: "boolean" } }, 0)
  if (!values["new-key-stdin"])
    throw usage("Khóa chủ mới chỉ đọc từ đầu vào chuẩn: thêm --new-key-stdin", "Add --new-key-stdin")
  const config = cliConfig()
  const text = (await readPassword()).trim()
  if (Buffer.from(text, "base64").length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text))
    throw new CliError("Khóa chủ mới phải là 32 byte, mã base64", "The new master key must be 32 bytes, base64")
  if (text === config.masterKey) throw new CliError("Khóa mới trùng khóa hiện tại", "The new key is the current one")
  if (Buffer.from(text, "base64").equals(Buffer.from(config.indexKey, "base64")))
    throw new CliError("Khóa chủ mới không được trùng XKLD_INDEX_KEY", "The new key must differ from XKLD_INDEX_KEY")
  const current = masterKeyOf(config)
  const next = PersonalData.masterKeyFromBase64(current.masterKeyId, text)
  const bar = progress("Bọc lại khóa cá nhân / re-wrapping person keys")
  const count = await withDatabase(config, (database) =>
    rotateMasterKey(database.owner, current, next, { onProgress: bar.update, signal: interruption() }),
  ).catch((error: unknown) => {
    if (error instanceof MasterKeyRotationFailed)
      throw new CliError(
        `Khóa cá nhân ${error.keyId} không mở được bằng XKLD_MASTER_KEY hiện tại; không khóa nào bị thay đổi`,
        `Person key ${error.keyId} does not open with the current XKLD_MASTER_KEY; no key was changed`,
      )
    throw error
  })
  bar.finish()
  console.log(
    `Đã bọc lại ${count.toLocaleString("vi-VN")} khóa cá nhân bằng khóa chủ mới; nhật ký không đổi. Hãy đặt XKLD_MASTER_KEY bằng khóa mới rồi khởi động lại ứng dụng / re-wrapped; set XKLD_MASTER_KEY to the new key and restart`,
  )
}

/** "职业技能等级证书数据导入模板.xlsx" from `Content-Disposition: …; filename*=UTF-8''…`. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const encoded = header && /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (!encoded) return fallback;
  try {
    return decodeURIComponent(encoded[1]);
  } catch {
    return fallback;
  }
}

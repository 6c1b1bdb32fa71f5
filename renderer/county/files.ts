/** A file as the county methods take it: name, size and the bytes as base64 (the browser's own encoder). */
export interface SentFile {
  name: string;
  size: number;
  base64: string;
}

export function readFile(file: File): Promise<SentFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`无法读取文件「${file.name}」：${reader.error?.message ?? '未知原因'}`));
    reader.readAsDataURL(file);
  });
}

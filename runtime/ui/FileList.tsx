/** Read-only list of a file field's files; uploading is a later feature, showing what is attached is not. */
import { PaperClipOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useUiText } from './RendererContext.js';

interface FileRef {
  name: string;
  url?: string;
  size?: number;
}

/** File values may be names, or objects with a name/filename and maybe a url. */
function toFiles(value: unknown): FileRef[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
  return list.flatMap((item): FileRef[] => {
    if (typeof item === 'string') return [{ name: item.split('/').pop() || item }];
    if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const name = o.name ?? o.filename ?? o.fileName ?? o.url;
      if (typeof name !== 'string') return [];
      return [{ name, url: typeof o.url === 'string' ? o.url : undefined, size: typeof o.size === 'number' ? o.size : undefined }];
    }
    return [];
  });
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function FileList({ value, compact }: { value: unknown; compact?: boolean }) {
  const t = useUiText();
  const files = toFiles(value);
  if (files.length === 0) return <Typography.Text type="secondary">{compact ? '' : t('noFiles')}</Typography.Text>;
  return (
    <ul className="sc-file-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {files.map((file, i) => (
        <li key={`${file.name}-${i}`}>
          <PaperClipOutlined style={{ marginRight: 6, color: '#8c8c8c' }} />
          {file.url ? <Typography.Link href={file.url} target="_blank" rel="noreferrer">{file.name}</Typography.Link> : <span>{file.name}</span>}
          {file.size !== undefined && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{sizeText(file.size)}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

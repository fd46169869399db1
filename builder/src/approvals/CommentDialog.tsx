/** Confirms an approval action (submit, approve, reject, recall) with an optional comment. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/LocaleContext.js';

/** The server keeps comments up to this length (runtime/approvals/input.ts). */
const MAX_COMMENT = 2000;

export interface CommentDialogProps {
  title: string;
  okText: string;
  danger?: boolean;
  /** Resolves when the action is done (the dialog closes) or refused (the caller says why). */
  onConfirm: (comment: string | undefined) => Promise<void>;
  onCancel: () => void;
}

export function CommentDialog({ title, okText, danger, onConfirm, onCancel }: CommentDialogProps) {
  const { t } = useLocale();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(comment.trim() || undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText={t('cancel')} okButtonProps={{ danger }} confirmLoading={busy}
      onOk={confirm} onCancel={onCancel} destroyOnHidden maskClosable={false}>
      <Form layout="vertical">
        <Form.Item label={t('comment')} htmlFor="sc-approval-comment">
          <Input.TextArea id="sc-approval-comment" value={comment} maxLength={MAX_COMMENT} showCount autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('commentPlaceholder')} onChange={(e) => setComment(e.target.value)} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

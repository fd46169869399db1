/** Changes the signed-in user's password: the current one, then the new one twice. */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, isNetworkError } from '../api/http.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { useTenant } from '../shell/TenantContext.js';

/** The server's rule (runtime/identity/passwords.ts); checked here only to answer sooner. */
const MIN_PASSWORD_LENGTH = 8;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { api } = useTenant();
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    try {
      await api.changePassword(currentPassword, newPassword);
      message.success(t('passwordChanged'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'WRONG_PASSWORD' || e.details.some((d) => d.path === '/currentPassword'))) {
        form.setFields([{ name: 'currentPassword', errors: [t('wrongCurrentPassword')], value: '' }]);
      } else if (e instanceof ApiError && e.details.some((d) => d.path === '/newPassword' || d.path === '/password')) {
        form.setFields([{ name: 'newPassword', errors: e.details.map((d) => d.message) }]);
      } else {
        message.error(isNetworkError(e) ? t('networkError') : e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('changePassword')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
      width={420}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} style={{ marginTop: 16 }}>
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('currentPasswordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('newPassword')}
          extra={t('newPasswordRule', { min: MIN_PASSWORD_LENGTH })}
          dependencies={['currentPassword']}
          rules={[
            { required: true, min: MIN_PASSWORD_LENGTH, message: t('newPasswordRule', { min: MIN_PASSWORD_LENGTH }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('newPasswordSame'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordsDiffer') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

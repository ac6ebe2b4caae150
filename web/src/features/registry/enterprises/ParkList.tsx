import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { orgUnitsQuery } from '../../../api/orgunits';
import { useT } from '../../../app/i18n';
import { isoDateItem } from '../../../components/isoDate';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';

/** The enterprise's park memberships, each a park and a period (open-ended while it is still there). */
export function ParkList() {
  const t = useT();
  const units = useQuery(orgUnitsQuery()).data?.items;
  // Only parks can be chosen; the towns stay visible so the tree still reads as the hierarchy.
  const notParks = useMemo(() => new Set((units ?? []).filter((u) => u.level !== 'park').map((u) => u.code)), [units]);

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 4 }}>{t('ent.parks')}</legend>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('ent.parkHint')}
      </Typography.Paragraph>
      <Form.List name="parks">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid={`enterprise-park-${i}`}>
                <Form.Item
                  name={[field.name, 'parkCode']}
                  rules={[{ required: true, message: t('ent.parkRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <OrgUnitTreeSelect
                    disabledCodes={notParks}
                    aria-label={t('ent.parkN', { n: i + 1 })}
                    placeholder={t('ent.park')}
                    style={{ width: 200 }}
                    data-testid={`enterprise-park-${i}-code`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'fromDate']}
                  rules={[{ required: true, message: t('ent.parkFromRequired') }]}
                  style={{ marginBottom: 8 }}
                  {...isoDateItem}
                >
                  <DatePicker aria-label={t('ent.parkFromN', { n: i + 1 })} placeholder={t('ent.parkFrom')} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'toDate']} style={{ marginBottom: 8 }} {...isoDateItem}>
                  <DatePicker aria-label={t('ent.parkToN', { n: i + 1 })} placeholder={t('ent.parkTo')} style={{ width: 140 }} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('ent.removePark', { n: i + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ toDate: null })}
              data-testid="enterprise-park-add"
            >
              {t('ent.addPark')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

import { Anchor, Image, Stack, Text } from '@mantine/core';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The QR code of a passport's public URL, for carton labels. */
export function PassportQr({ path }: { path: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${path}`;
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void toDataURL(url, { margin: 1, width: 180, errorCorrectionLevel: 'M' }).then(
      (data) => live && setSrc(data),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Stack gap={4} align="center">
      {src && <Image src={src} w={180} h={180} alt={t('trace.qrAlt')} data-testid="passport-qr" />}
      <Anchor href={path} target="_blank" size="xs" data-testid="passport-link">
        {url}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t('trace.qrHint')}
      </Text>
    </Stack>
  );
}

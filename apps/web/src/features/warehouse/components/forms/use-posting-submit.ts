import { newIdempotencyKey } from '@kapok/api-client';
import { useRef, useState } from 'react';
import { usePostStock, type Posting } from '../../api';
import { isDefiniteAnswer } from './posting-errors';

type PostingResult = Awaited<ReturnType<ReturnType<typeof usePostStock>['mutateAsync']>>;

/**
 * Posts a warehouse document with an Idempotency-Key: one key per submission, reused when the user
 * sends the same document again after a failure whose outcome is unknown (network, 5xx).
 */
export function usePostingSubmit() {
  const mutation = usePostStock();
  const [banner, setBanner] = useState<unknown>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = (
    posting: Posting,
    handlers: {
      onSuccess: (result: PostingResult) => void;
      /** Places field errors on their inputs; answers whether it did (then no banner is shown). */
      placeErrors: (error: unknown) => boolean;
    },
  ) => {
    setBanner(null);
    const body = JSON.stringify(posting);
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    mutation.mutate(
      { posting, idempotencyKey: attempt.current.key },
      {
        onSuccess: (result) => {
          attempt.current = null;
          handlers.onSuccess(result);
        },
        onError: (error) => {
          if (isDefiniteAnswer(error)) attempt.current = null;
          setBanner(handlers.placeErrors(error) ? null : error);
        },
      },
    );
  };

  /** `banner`: the last error the fields do not show. */
  return { submit, pending: mutation.isPending, banner };
}

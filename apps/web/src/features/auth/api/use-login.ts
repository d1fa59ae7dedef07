import { useMutation } from '@tanstack/react-query';
import { useSession } from '../../../lib/auth';

export interface Credentials {
  username: string;
  password: string;
}

/** Signs in; the session keeps the access token in memory and the server sets the refresh cookie. */
export function useLogin() {
  const { manager } = useSession();
  return useMutation({
    mutationFn: ({ username, password }: Credentials) =>
      manager.login(username.trim().toLowerCase(), password),
  });
}

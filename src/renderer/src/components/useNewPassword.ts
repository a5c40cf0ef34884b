import { useState } from 'react';

export interface NewPassword {
  password: string;
  confirm: string;
  /** Set when a submit found the two entries different; cleared when they match. */
  mismatch: boolean;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** True when both entries match; otherwise flags the confirmation field. */
  confirmed: () => boolean;
}

/** A password typed twice, as everywhere a password is set (first run, new user, reset). */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    confirm,
    mismatch,
    setPassword,
    setConfirm,
    confirmed: () => {
      const same = password === confirm;
      setMismatch(!same);
      return same;
    },
  };
}

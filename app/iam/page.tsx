import { redirect } from 'next/navigation';

export default function IamPage() {
  redirect('/iam/roles');
}

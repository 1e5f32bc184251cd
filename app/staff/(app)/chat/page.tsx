import { HostConsole } from '@/components/chat/host-console';
import { requireStaff } from '@/lib/auth/staff-session';

export const metadata = { title: 'Chat' };

export default async function StaffChatPage() {
  await requireStaff(['chat_host', 'admin']);
  return (
    <>
      <h1 className="text-3xl font-bold">Chat</h1>
      <p className="mt-2">Ta samtaler fra køen. Du kan ha flere samtaler samtidig.</p>
      <HostConsole />
    </>
  );
}

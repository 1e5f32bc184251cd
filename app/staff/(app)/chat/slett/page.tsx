import { BackLink } from '@/components/staff/back-link';
import { requireStaff } from '@/lib/auth/staff-session';
import { DeleteChatForm } from './_components/delete-chat-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Slett chat på forespørsel' };

/** A chat deleted at once because its visitor asked, by the code the visitor saw in the chat. */
export default async function DeleteChatOnRequestPage() {
  await requireStaff(['chat_host', 'admin']);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/chat">Tilbake til chatten</BackLink>
      <h1 className="text-3xl font-bold">Slett chat på forespørsel</h1>
      <p>
        Den som chatter med oss, ser en kode for samtalen i chatvinduet. Oppgir noen koden og ber oss slette samtalen, kan du gjøre det
        her med en gang, uten å spørre hvem de er. Du ser bare samtalens status og tidspunkter, aldri hva som ble skrevet.
      </p>
      <p>
        En samtale som et bevaringspålegg gjelder for, kan ikke slettes før pålegget er opphevet. Hvert oppslag og hver sletting føres i
        tilgangsloggen.
      </p>
      <DeleteChatForm />
    </div>
  );
}

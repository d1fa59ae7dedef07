export { useActionKey } from '../../../../lib/action-key';

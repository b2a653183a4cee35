import { mountPage } from '../../components/mount-page';
import PopupPage from '../../components/PopupPage.svelte';

mountPage(PopupPage, 'popup_title');

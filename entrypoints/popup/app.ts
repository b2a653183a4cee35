import { mountTonightPage } from '../../components/tonight-page';
import PopupPage from '../../components/PopupPage.svelte';

mountTonightPage(PopupPage, 'popup', 'popup_title');

import { mountPage } from '../../components/mount-page';
import HistoryPage from '../../components/HistoryPage.svelte';

mountPage(HistoryPage, 'history_title');

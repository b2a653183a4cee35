import { mountTonightPage } from '../../components/tonight-page';
import NewtabPage from '../../components/NewtabPage.svelte';

mountTonightPage(NewtabPage, 'newtab', 'newtab_title');

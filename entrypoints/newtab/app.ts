import { mountPage } from '../../components/mount-page';
import NewtabPage from '../../components/NewtabPage.svelte';

mountPage(NewtabPage, 'newtab_title');

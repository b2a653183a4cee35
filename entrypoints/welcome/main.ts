import { mountPage } from '../../components/mount-page';
import WelcomePage from '../../components/WelcomePage.svelte';

mountPage(WelcomePage, 'welcome_title');
